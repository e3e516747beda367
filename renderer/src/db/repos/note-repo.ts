import { noteInputSchema, type Note, type NoteInput } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../casefile-db';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from '../entity-store';

export const noteSpec: EntitySpec<Note, typeof noteInputSchema> = {
  entity: 'note',
  what: 'The note',
  table: (db) => db.notes,
  inputSchema: noteInputSchema,
  describe: (note) => `${note.date || 'undated'} ${note.title || note.kind}`,
  disputeIdOf: (note) => note.disputeId,
  // Read, not written: the audit entry names the linked documents as they are titled now, so
  // History still names them once they are renamed or deleted.
  alsoTouches: (db) => [db.documents],
};

export function createNote(db: CasefileDb, input: NoteInput): Promise<Note> {
  return createEntity(db, noteSpec, input);
}

export function updateNote(db: CasefileDb, id: string, input: NoteInput): Promise<Note> {
  return updateEntity(db, noteSpec, id, input);
}

export function deleteNote(db: CasefileDb, id: string): Promise<string | null> {
  return deleteEntity(db, noteSpec, id);
}

/** The editable fields of a stored note, as a form or an update takes them. */
export function noteToInput(note: Note): NoteInput {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = note;
  return input;
}
