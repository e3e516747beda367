import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { noteInputSchema } from '../../../../shared/domain/schemas';
import { noteKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { useSharedLiveQuery } from '../../db/shared-live-query';
import { createNote, deleteNote, updateNote } from '../../db/repos/note-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import type { DisputeDetail } from '../disputes/dispute-queries';
import { noteName } from './NoteCard';
import { NoteList } from './NoteList';
import { NoteFields } from './NoteFields';
import { emptyNote, noteToValues, type NoteFormValues } from './note-form';
import { filterNotes, listNotes, type NoteView } from './note-queries';
import { plural } from '../../../../shared/text/plural';
import { RecordSettlementButton } from './RecordSettlementModal';
import { deleteWithUndo } from '../trash/delete-actions';
import { noteCountQuery } from './use-note-window';

export function NotesSection({ detail }: { detail: DisputeDetail }) {
  const { dispute } = detail;
  // Counted through the index: the list reads only the notes in view (NoteList). Shared with the
  // dispute's page, which holds it once drawn (holdNotesTab).
  const total = useSharedLiveQuery(noteCountQuery(dispute.id));
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [editing, setEditing] = useState<NoteView | 'new' | null>(null);
  const [removing, setRemoving] = useState<NoteView | null>(null);
  // The documents a note can cite, read only while the form is open: the tab itself does not
  // need a thousand filings' titles to open.
  const formOpen = editing !== null;
  const documents = useLiveQuery(
    async () =>
      formOpen
        ? (await db.documents.where('disputeId').equals(dispute.id).sortBy('filedOn')).map((d) => ({
            value: d.id,
            label: d.title,
          }))
        : [],
    [dispute.id, formOpen],
  );
  const form = useZodForm(noteInputSchema, emptyNote(dispute.id));

  function open(note: NoteView | 'new') {
    form.setValues(note === 'new' ? emptyNote(dispute.id) : noteToValues(note));
    form.clearErrors();
    setEditing(note);
  }

  function save(values: NoteFormValues) {
    return editing && editing !== 'new'
      ? updateNote(db, editing.id, values)
      : createNote(db, values);
  }

  // A filter looks at every word a note shows, so it reads the dispute's notes whole, once, and
  // only while one is set (the list stays as it was until they are in); typing stays responsive
  // because the filtering is deferred.
  const filtering = text.trim() !== '' || kind !== null;
  const every = useLiveQuery(
    async () => (filtering ? listNotes(db, dispute.id) : null),
    [dispute.id, filtering],
  );
  const deferredText = useDeferredValue(text);
  const shown = useMemo(
    () => (filtering && every ? filterNotes(every, { text: deferredText, kind }) : null),
    [filtering, every, deferredText, kind],
  );

  return (
    <Stack>
      <Group>
        <Button onClick={() => open('new')}>Add note</Button>
        <RecordSettlementButton dispute={dispute} />
      </Group>
      <Group align="end">
        <TextInput
          label="Search notes"
          placeholder="Words in the note"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
          }}
          type="search"
        />
        {/* The system's own list: a Mantine Select mounts its combobox and positions its
            popover as the tab draws, about a third of the tab's first opening. */}
        <NativeSelect
          label="Kind of note"
          data={[{ value: '', label: 'All kinds' }, ...noteKind.options]}
          value={kind ?? ''}
          onChange={(event) => {
            setKind(event.currentTarget.value || null);
          }}
        />
      </Group>
      {total === 0 ? (
        <Text>
          No notes yet. Keep the settlement story here as it happens: offers, counter-offers,
          meetings, calls, the term sheet.
        </Text>
      ) : (
        <>
          {total !== undefined && (
            <Text size="sm" component="output">
              {shown === null || shown.length === total
                ? plural(total, 'note')
                : `${shown.length} of ${plural(total, 'note')} match`}
            </Text>
          )}
          {/* Mounted before the count is in, so the first notes are read alongside it. */}
          <NoteList
            disputeId={dispute.id}
            count={total ?? 0}
            notes={shown}
            onEdit={open}
            onDelete={setRemoving}
          />
        </>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add note' : 'Edit note'}
        submitLabel={editing === 'new' ? 'Add note' : 'Save note'}
        size="xl"
        onSubmit={() => submitForm(form, save, 'The note was not saved')}
      >
        <NoteFields form={form} documents={documents ?? []} />
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Delete note?"
        confirmLabel="Delete note"
        onConfirm={async () => {
          if (removing)
            await deleteWithUndo(`The note “${noteName(removing)}”`, () =>
              deleteNote(db, removing.id),
            );
        }}
      >
        The note “{removing && noteName(removing)}” will be deleted. The history keeps a record of
        it.
      </ConfirmModal>
    </Stack>
  );
}
