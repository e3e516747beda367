import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { noteInputSchema } from '../../../../shared/domain/schemas';
import { noteKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { createNote, deleteNote, updateNote } from '../../db/repos/note-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import type { DisputeDetail } from '../disputes/dispute-queries';
import { pendingFocus, useFocusRequest } from '../timeline/focus-request';
import { NoteCard, noteName } from './NoteCard';
import { NoteFields } from './NoteFields';
import { emptyNote, noteToValues, type NoteFormValues } from './note-form';
import { filterNotes, listNotes, type NoteView } from './note-queries';
import { plural } from '../../../../shared/text/plural';
import { RecordSettlementButton } from './RecordSettlementModal';
import { deleteWithUndo } from '../trash/delete-actions';

/**
 * Notes are shown a page at a time: a long-running matter can hold thousands, and drawing every
 * one (each with its rendered Markdown) would freeze the tab. Search still covers them all.
 */
const PAGE_SIZE = 50;

export function NotesSection({ detail }: { detail: DisputeDetail }) {
  const { dispute } = detail;
  const notes = useLiveQuery(() => listNotes(db, dispute.id), [dispute.id]);
  const documents = useLiveQuery(
    async () =>
      (await db.documents.where('disputeId').equals(dispute.id).sortBy('filedOn')).map((d) => ({
        value: d.id,
        label: d.title,
      })),
    [dispute.id],
  );
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [editing, setEditing] = useState<NoteView | 'new' | null>(null);
  const [removing, setRemoving] = useState<NoteView | null>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const form = useZodForm(noteInputSchema, emptyNote(dispute.id));
  useFocusRequest(notes !== undefined);

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

  const shown = useMemo(
    () => (notes ? filterNotes(notes, { text, kind }) : undefined),
    [notes, text, kind],
  );

  // A note the timeline asked to open (on arriving here) may sit beyond the first page: the
  // list then shows enough to include it.
  const [focusTarget] = useState(pendingFocus);
  const targetIndex = focusTarget && shown ? shown.findIndex((n) => n.id === focusTarget) : -1;
  const visible = Math.max(limit, targetIndex + 1);

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
            setLimit(PAGE_SIZE);
          }}
          type="search"
        />
        <Select
          label="Kind of note"
          placeholder="All kinds"
          data={noteKind.options}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setLimit(PAGE_SIZE);
          }}
          clearable
        />
      </Group>
      {shown === undefined ? null : notes?.length === 0 ? (
        <Text>
          No notes yet. Keep the settlement story here as it happens: offers, counter-offers,
          meetings, calls, the term sheet.
        </Text>
      ) : (
        <>
          <Text size="sm" component="output">
            {shown.length === notes?.length
              ? plural(shown.length, 'note')
              : `${shown.length} of ${plural(notes?.length ?? 0, 'note')} match`}
          </Text>
          {shown.slice(0, visible).map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              onEdit={() => open(note)}
              onDelete={() => setRemoving(note)}
            />
          ))}
          {shown.length > visible && (
            <Button variant="default" onClick={() => setLimit(visible + PAGE_SIZE)}>
              Show {Math.min(PAGE_SIZE, shown.length - visible)} more notes (
              {shown.length - visible} not shown)
            </Button>
          )}
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
