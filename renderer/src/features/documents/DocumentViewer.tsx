/**
 * One document, full screen: its details (with the SHA-256 that "Verify files" checks), its
 * preview, the text extracted from it, and the ways to take it elsewhere. "Open with system app"
 * hands the host a copy of the bytes (the desktop writes a temporary file and opens that; a
 * browser downloads it); "Save a copy…" asks where to write it.
 */
import { Alert, Button, Code, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CaseDocument, Proceeding } from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { documentKind, privilege, textStatus } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { documentTextRecord } from '../../db/repos/document-repo';
import { meanConfidence } from '../../../../shared/domain/ocr-text';
import { parseQuery, type ParsedQuery } from '../../../../shared/search/query';
import { matchRanges } from '../../../../shared/search/snippet';
import { blobSlices } from '../../../../shared/blob-slices';
import { host } from '../../host/host';
import { saveStreamed, type SaveTarget } from '../../host/save-streamed';
import { Facts } from '../../ui/Facts';
import { notifyDone, notifyError } from '../../ui/notify';
import { forumLabel } from '../disputes/dispute-queries';
import { formatBytes } from '../../ui/format-bytes';
import { DocumentPreview } from './DocumentPreview';

/** Where a search result opens the viewer: this page of the text, these words marked. */
export type ViewerTarget = { page: number; query: string };

type Props = {
  document: CaseDocument | null;
  at?: ViewerTarget | null;
  proceedings: Proceeding[];
  onClose: () => void;
  onEdit: (document: CaseDocument) => void;
  /** Opens another document in the viewer (an attachment filed with an e-mail). */
  onOpen?: (documentId: string) => void;
};

export function DocumentViewer({ document, at, proceedings, onClose, onEdit, onOpen }: Props) {
  return (
    <Modal
      opened={document !== null}
      onClose={onClose}
      fullScreen
      title={document ? <Title order={2}>{document.title}</Title> : null}
      aria-label={document ? `Document ${document.title}` : undefined}
    >
      {document && (
        <ViewerBody
          key={document.id}
          document={document}
          at={at ?? null}
          proceedings={proceedings}
          onEdit={onEdit}
          onOpen={onOpen}
        />
      )}
    </Modal>
  );
}

/** The temporary copy the system app opens, written through the same streamed save. */
const documentCopyTarget: SaveTarget = {
  beginSave: async ({ suggestedName }) => ({
    started: true,
    path: '',
    ...(await host.beginDocumentCopy({ fileName: suggestedName })),
  }),
  appendSave: (args) => host.appendDocumentCopy(args),
  commitSave: async (args) => {
    await host.openDocumentCopy(args);
    return { saved: true, path: '' };
  },
  abortSave: (args) => host.abortDocumentCopy(args),
};

function ViewerBody({
  document,
  at,
  proceedings,
  onEdit,
  onOpen,
}: {
  document: CaseDocument;
  at: ViewerTarget | null;
  proceedings: Proceeding[];
  onEdit: (document: CaseDocument) => void;
  onOpen?: (documentId: string) => void;
}) {
  // `null`: the bytes are missing; `undefined`: still loading.
  const blob = useLiveQuery(
    async () => (await db.files.get(document.sha256))?.blob ?? null,
    [document.sha256],
  );
  const textRecord = useLiveQuery(
    async () => (await documentTextRecord(db, document.sha256)) ?? null,
    [document.sha256],
  );
  const pages = textRecord?.pages;
  const ocrConfidence = textRecord?.source === 'ocr' ? (textRecord.confidence ?? []) : null;
  const [busy, setBusy] = useState<'open' | 'save' | null>(null);
  const proceeding = proceedings.find((p) => p.id === document.proceedingId);

  async function openWithSystemApp() {
    if (!blob) return;
    setBusy('open');
    try {
      // Streamed like a save, so opening a 2 GB filing never sends it in one message.
      await saveStreamed(
        { suggestedName: document.fileName },
        async (write) => {
          for await (const slice of blobSlices(blob)) await write(slice);
        },
        documentCopyTarget,
      );
    } catch (error) {
      notifyError('The document could not be opened', (error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function saveCopy() {
    if (!blob) return;
    setBusy('save');
    try {
      // Streamed: a copy of a 2 GB filing never has to be held in memory.
      const result = await saveStreamed({ suggestedName: document.fileName }, async (write) => {
        for await (const slice of blobSlices(blob)) await write(slice);
      });
      if (result.saved) notifyDone('Copy saved', result.path);
    } catch (error) {
      notifyError('The copy was not saved', (error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => void openWithSystemApp()} loading={busy === 'open'} disabled={!blob}>
          Open with system app
        </Button>
        <Button
          variant="default"
          onClick={() => void saveCopy()}
          loading={busy === 'save'}
          disabled={!blob}
        >
          Save a copy…
        </Button>
        <Button variant="default" onClick={() => onEdit(document)}>
          Edit details
        </Button>
      </Group>
      {document.textStatus === 'unreadable' && (
        <Alert color="orange" title="Could not be read">
          Casefile could not read this file’s contents; it may be damaged. It is stored exactly as
          it was attached.
        </Alert>
      )}
      {blob === null && (
        <Alert color="red" title="The file’s bytes are missing">
          This document’s file is no longer in Casefile’s storage. Run “Verify files” for details,
          and attach the file again if you still have it.
        </Alert>
      )}
      <Tabs defaultValue={at ? 'text' : 'preview'} keepMounted={false}>
        <Tabs.List aria-label="Document views">
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="text">Extracted text</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="preview" pt="md">
          {blob && (
            <DocumentPreview document={document} blob={blob} onOpen={onOpen} query={at?.query} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <Facts
            facts={[
              { label: 'Kind', value: documentKind.labels[document.kind] },
              { label: 'Filed', value: formatPartialDate(document.filedOn) },
              { label: 'Docket entry', value: document.docketEntry },
              { label: 'Filed by', value: document.filedBy },
              { label: 'Proceeding', value: proceeding ? forumLabel(proceeding) : '' },
              { label: 'Language', value: document.language },
              { label: 'Privilege', value: privilege.labels[document.privilege] },
              { label: 'File name', value: document.fileName },
              { label: 'Type', value: document.mimeType },
              { label: 'Size', value: formatBytes(document.size) },
              { label: 'Pages', value: document.pageCount ?? '' },
              {
                label: 'Text',
                value:
                  ocrConfidence && document.textStatus === 'extracted'
                    ? 'Text read by OCR'
                    : textStatus.labels[document.textStatus],
              },
              { label: 'SHA-256', value: <Code>{document.sha256}</Code> },
              { label: 'Notes', value: document.notes },
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="md">
          {pages && pages.length > 0 ? (
            <ExtractedPages pages={pages} at={at} ocrConfidence={ocrConfidence} />
          ) : (
            <Text>{textStatus.labels[document.textStatus]}.</Text>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** The extracted text page by page; opened from a search, it scrolls to the page and marks the words. */
function ExtractedPages({
  pages,
  at,
  ocrConfidence,
}: {
  pages: string[];
  at: ViewerTarget | null;
  /** Per page, when the text was read by OCR. */
  ocrConfidence: number[] | null;
}) {
  const target = useRef<HTMLElement>(null);
  const query = useMemo(() => (at ? parseQuery(at.query, { typing: false }) : null), [at]);
  useEffect(() => {
    target.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <Stack>
      {ocrConfidence && (
        <Text size="sm" c="dimmed">
          Read by OCR (mean confidence {meanConfidence(ocrConfidence)} %). Check names and numbers
          against the scan.
        </Text>
      )}
      {pages.map((page, index) => (
        <section
          key={index}
          aria-label={`Text of page ${index + 1}`}
          ref={at?.page === index + 1 ? target : undefined}
        >
          <Text fw={600}>
            Page {index + 1}
            {ocrConfidence?.[index] !== undefined &&
              ` · OCR confidence ${Math.round(ocrConfidence[index])} %`}
          </Text>
          <Text className="cf-prewrap cf-text-marks">
            {query ? <MarkedText text={page} query={query} /> : page}
          </Text>
        </section>
      ))}
    </Stack>
  );
}

function MarkedText({ text, query }: { text: string; query: ParsedQuery }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of matchRanges(text, query)) {
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
