/**
 * The Documents tab of a dispute: attach filings (button or drop), follow their progress, find
 * them by kind and words (their extracted text included), open, edit, delete, and verify the
 * stored files.
 */
import {
  Button,
  FileButton,
  Group,
  Loader,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { startTransition, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch as useAddressSearch } from 'wouter';
import {
  documentInputSchema,
  type CaseDocument,
  type Dispute,
  type DocumentInput,
} from '../../../../shared/domain/schemas';
import { documentKind, privilege } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { useSharedLiveQuery } from '../../db/shared-live-query';
import { deleteDocument, documentToInput, updateDocument } from '../../db/repos/document-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { forumLabel, type DisputeDetail } from '../disputes/dispute-queries';
import { attachToDispute } from './attach';
import { AttachProgress } from './AttachProgress';
import {
  DEFAULT_DOCUMENT_SORT,
  filterDocuments,
  type DocumentFilter,
  type DocumentRow,
  type DocumentSort,
} from './document-list';
import { documentRowsQuery } from './document-rows-query';
import { DocumentViewer, type ViewerTarget } from './DocumentViewer';
import { useDocumentTextMatches } from '../search/use-text-matches';
import { VerifyFiles } from './VerifyFiles';
import { DateField } from '../../ui/DateField';
import { deleteWithUndo } from '../trash/delete-actions';
import { useOcrJobs } from '../ocr/OcrStatus';
import { DocumentTable } from './DocumentTable';
import { ExhibitsPanel } from '../exhibits/ExhibitsPanel';
import { usePreviewWarmup } from './preview-warmup';
import { useDocumentOrder } from './use-document-order';

type DocumentFormValues = Required<DocumentInput>;

const sortOptions = [
  { value: 'filed-desc', label: 'Filed, newest first' },
  { value: 'filed-asc', label: 'Filed, oldest first' },
  { value: 'kind', label: 'Kind' },
];

/** Filings whose table the click that opens the tab draws itself (see `tableDrawn`). */
const TABLE_IN_CLICK = 2_000;

export function DocumentsSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, proceedings } = detail;
  // Shared with the dispute's page, which holds it once drawn (holdDocumentsTab); in the default
  // order, so the tab does not sort them as it opens.
  const rows = useSharedLiveQuery(documentRowsQuery(dispute.id));
  // Filings are opened from here: the preview gets ready once the tab is drawn.
  usePreviewWarmup(rows !== undefined);
  const ocrJobs = useOcrJobs();
  const [filter, setFilter] = useState<DocumentFilter>({ kind: 'all', words: '' });
  const [sort, setSort] = useState<DocumentSort>(DEFAULT_DOCUMENT_SORT);
  const ordered = useDocumentOrder(rows, sort);
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState<CaseDocument | null>(null);
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const form = useZodForm(documentInputSchema, {} as DocumentFormValues);
  const resetFileInput = useRef<() => void>(null);

  const textMatches = useDocumentTextMatches(dispute.id, filter.words);
  const shown = useMemo(
    () => (ordered ? filterDocuments(ordered, { ...filter, textMatches }) : []),
    [ordered, filter, textMatches],
  );
  // A search result opens its filing here: ?view=<id>&page=<n>&q=<words>.
  const address = new URLSearchParams(useAddressSearch());
  const viewParam = address.get('view');
  const [viewerTarget, setViewerTarget] = useState<ViewerTarget | null>(null);
  useEffect(() => {
    if (!viewParam) return;
    setViewingId(viewParam);
    setViewerTarget({ page: Number(address.get('page') ?? 0), query: address.get('q') ?? '' });
    navigate(`/disputes/${dispute.id}/documents?`, { replace: true });
    // Read once per request: the address is cleared right away.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [viewParam]);
  // Past TABLE_IN_CLICK filings, the click that opens the tab draws its controls and the table is
  // drawn in a second render after that frame, which React renders in slices with the window
  // free between them (useDeferredValue with an initial value), not in the click's one task:
  // drawing the first rows of the table there was most of a task of 100 ms at 50,000 filings.
  // Up to it, the click draws the table: the second render cost a dispute of 1,000 filings
  // 60–90 ms more before its filings showed. BelowTable draws what follows the table once the
  // table is drawn.
  const deferred = useDeferredValue(rows !== undefined, false);
  const tableDrawn = deferred || (rows !== undefined && rows.length <= TABLE_IN_CLICK);
  // Looked for only when one is open: a pass over 50,000 rows in the click's task, where the code
  // has not yet been made fast by the engine, is tens of milliseconds.
  const viewing =
    viewingId === null ? null : (rows?.find((r) => r.document.id === viewingId)?.document ?? null);
  const proceedingOptions = proceedings.map((p) => ({ value: p.id, label: forumLabel(p) }));

  function edit(document: CaseDocument) {
    form.setValues(documentToInput(document));
    form.clearErrors();
    setEditing(document);
  }

  return (
    <Stack>
      <Group align="end" wrap="wrap">
        {/* A file input opens the operating system's own open dialog, in the desktop app as in a
            browser, so picking files needs nothing from the main process. */}
        <FileButton
          multiple
          resetRef={resetFileInput}
          onChange={(files) => {
            // Cleared at once, so choosing the same file again (a second copy) still attaches.
            resetFileInput.current?.();
            void attachToDispute(dispute.id, files);
          }}
        >
          {(props) => <Button {...props}>Attach filing</Button>}
        </FileButton>
        <Text size="sm" c="dimmed">
          or drop files anywhere on this page
        </Text>
      </Group>
      <AttachProgress disputeId={dispute.id} />
      <Group align="end" wrap="wrap">
        <TextInput
          label="Find in documents"
          description="Title, file name, docket entry, notes or text"
          value={filter.words}
          onChange={(event) => setFilter({ ...filter, words: event.currentTarget.value })}
        />
        {/* The system's own lists: a Mantine Select mounts its combobox and positions its
            popover as the tab draws, a large part of the tab's first opening. */}
        <NativeSelect
          label="Kind"
          data={[{ value: 'all', label: 'All kinds' }, ...documentKind.options]}
          value={filter.kind}
          onChange={(event) =>
            setFilter({ ...filter, kind: event.currentTarget.value as DocumentFilter['kind'] })
          }
        />
        <NativeSelect
          label="Sort by"
          data={sortOptions}
          value={sort}
          onChange={(event) => setSort(event.currentTarget.value as DocumentSort)}
        />
      </Group>
      {rows === undefined || !tableDrawn ? (
        <Loader aria-label="Loading the documents" />
      ) : rows.length === 0 ? (
        <Text>
          No documents yet. Attach the complaint, the answer, claim charts, expert reports, orders
          and agreements as they come in.
        </Text>
      ) : shown.length === 0 ? (
        <Text>No document matches. Clear the search or choose “All kinds”.</Text>
      ) : (
        <DocumentTable
          rows={shown}
          ocrJobs={ocrJobs}
          onView={(document) => setViewingId(document.id)}
          onEdit={edit}
          onRemove={setRemoving}
        />
      )}
      {rows !== undefined && tableDrawn && <BelowTable dispute={dispute} rows={rows} />}
      <DocumentViewer
        document={viewing}
        at={viewerTarget}
        proceedings={proceedings}
        onClose={() => {
          setViewingId(null);
          setViewerTarget(null);
        }}
        onEdit={edit}
        onOpen={setViewingId}
      />
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title="Edit document"
        submitLabel="Save document"
        size="xl"
        onSubmit={() =>
          submitForm(
            form,
            (values) => (editing ? updateDocument(db, editing.id, values) : Promise.resolve()),
            'The document was not saved',
          )
        }
      >
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <EnumSelect label="Kind" options={documentKind.options} {...form.getInputProps('kind')} />
          <DateField label="Filed" {...form.getInputProps('filedOn')} />
          <TextInput label="Docket entry" {...form.getInputProps('docketEntry')} />
          <TextInput label="Filed by" {...form.getInputProps('filedBy')} />
          <Select
            label="Proceeding"
            placeholder="Not tied to one proceeding"
            data={proceedingOptions}
            clearable
            {...form.getInputProps('proceedingId')}
          />
          <TextInput label="Language" placeholder="English" {...form.getInputProps('language')} />
          <EnumSelect
            label="Privilege"
            options={privilege.options}
            {...form.getInputProps('privilege')}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Delete document?"
        confirmLabel="Delete document"
        onConfirm={async () => {
          if (removing)
            await deleteWithUndo(`The document “${removing.title}”`, () =>
              deleteDocument(db, removing.id),
            );
        }}
      >
        “{removing?.title}” will be deleted, with its file unless another document uses the same
        file. It goes to the trash, from which it can be restored for 30 days.
      </ConfirmModal>
    </Stack>
  );
}

/**
 * What follows the table (the exhibit list, "Verify files"), below every filing's row and out of
 * view when the tab opens: drawn once the browser has drawn the table, in a render React does in
 * slices (a transition). Mounted with the table, the exhibit list's Select placed its closed
 * list (floating-ui reads the computed style), which made the browser style the whole new table
 * inside that commit. The list of every filing the exhibit list needs is made then too.
 */
function BelowTable({ dispute, rows }: { dispute: Dispute; rows: DocumentRow[] }) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task after the next frame: a callback of requestAnimationFrame runs before that frame is
    // styled and laid out.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setDrawn(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const documents = useMemo(() => (drawn ? rows.map((r) => r.document) : []), [rows, drawn]);
  if (!drawn) return null;
  return (
    <>
      {documents.length > 0 && <ExhibitsPanel dispute={dispute} documents={documents} />}
      <VerifyFiles />
    </>
  );
}
