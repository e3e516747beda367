/**
 * The Documents tab of a dispute: attach filings (button or drop), follow their progress, find
 * them by kind and words (their extracted text included), open, edit, delete, and verify the
 * stored files.
 */
import {
  Anchor,
  Button,
  FileButton,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import {
  documentInputSchema,
  type CaseDocument,
  type DocumentInput,
} from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { documentKind, privilege, textStatus } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { deleteDocument, documentToInput, updateDocument } from '../../db/repos/document-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { ActionsHeader, RowActions } from '../../ui/RowActions';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { forumLabel, type DisputeDetail } from '../disputes/dispute-queries';
import { attachToDispute } from './attach';
import { formatBytes } from '../../ui/format-bytes';
import { AttachProgress } from './AttachProgress';
import { filterDocuments, loadDocumentRows, type DocumentFilter } from './document-list';
import { DocumentViewer } from './DocumentViewer';
import { VerifyFiles } from './VerifyFiles';
import { DateField } from '../../ui/DateField';
import { itemElementId, useFocusRequest } from '../timeline/focus-request';
import { deleteWithUndo } from '../trash/delete-actions';
import { OcrStatus, useOcrJobs } from '../ocr/OcrStatus';
import { ExhibitsPanel } from '../exhibits/ExhibitsPanel';

type DocumentFormValues = Required<DocumentInput>;

const sortOptions = [
  { value: 'filed-desc', label: 'Filed, newest first' },
  { value: 'filed-asc', label: 'Filed, oldest first' },
  { value: 'kind', label: 'Kind' },
];

export function DocumentsSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, proceedings } = detail;
  const rows = useLiveQuery(() => loadDocumentRows(db, dispute.id), [dispute.id]);
  const ocrJobs = useOcrJobs();
  const [filter, setFilter] = useState<DocumentFilter>({
    kind: 'all',
    words: '',
    sort: 'filed-desc',
  });
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [editing, setEditing] = useState<CaseDocument | null>(null);
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const form = useZodForm(documentInputSchema, {} as DocumentFormValues);
  const resetFileInput = useRef<() => void>(null);

  const shown = useMemo(() => (rows ? filterDocuments(rows, filter) : []), [rows, filter]);
  useFocusRequest(rows !== undefined);
  const viewing = rows?.find((r) => r.document.id === viewingId)?.document ?? null;
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
        <Select
          label="Kind"
          data={[{ value: 'all', label: 'All kinds' }, ...documentKind.options]}
          value={filter.kind}
          allowDeselect={false}
          onChange={(value) =>
            setFilter({ ...filter, kind: (value ?? 'all') as DocumentFilter['kind'] })
          }
        />
        <Select
          label="Sort by"
          data={sortOptions}
          value={filter.sort}
          allowDeselect={false}
          onChange={(value) =>
            setFilter({ ...filter, sort: (value ?? 'filed-desc') as DocumentFilter['sort'] })
          }
        />
      </Group>
      {rows === undefined ? (
        <Loader aria-label="Loading the documents" />
      ) : rows.length === 0 ? (
        <Text>
          No documents yet. Attach the complaint, the answer, claim charts, expert reports, orders
          and agreements as they come in.
        </Text>
      ) : shown.length === 0 ? (
        <Text>No document matches. Clear the search or choose “All kinds”.</Text>
      ) : (
        <div className="cf-table-scroll">
          <Table aria-label="Documents" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Filed</Table.Th>
                <Table.Th>Docket entry</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Pages</Table.Th>
                <Table.Th>Text</Table.Th>
                <ActionsHeader />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ document }) => (
                <Table.Tr key={document.id} id={itemElementId(document.id)} tabIndex={-1}>
                  <Table.Td>
                    <Anchor component="button" onClick={() => setViewingId(document.id)}>
                      {document.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{documentKind.labels[document.kind]}</Table.Td>
                  <Table.Td>{formatPartialDate(document.filedOn)}</Table.Td>
                  <Table.Td>{document.docketEntry}</Table.Td>
                  <Table.Td>{formatBytes(document.size)}</Table.Td>
                  <Table.Td>{document.pageCount ?? ''}</Table.Td>
                  <Table.Td>
                    {ocrJobs?.get(document.sha256) && document.textStatus === 'scanned' ? (
                      <OcrStatus job={ocrJobs.get(document.sha256)!} title={document.title} />
                    ) : (
                      textStatus.labels[document.textStatus]
                    )}
                  </Table.Td>
                  <RowActions
                    what={`document ${document.title}`}
                    onEdit={() => edit(document)}
                    onRemove={() => setRemoving(document)}
                    removeLabel="Delete"
                  />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {rows && rows.length > 0 && (
        <ExhibitsPanel dispute={dispute} documents={rows.map((r) => r.document)} />
      )}
      <VerifyFiles />
      <DocumentViewer
        document={viewing}
        proceedings={proceedings}
        onClose={() => setViewingId(null)}
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
