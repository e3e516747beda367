import type { Note } from '../../../../shared/domain/schemas';
import { privilegedByDefault } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';

/** What the note form edits: the amount stays text until saved, so "2,500,000" can be typed. */
export type NoteFormValues = {
  disputeId: string;
  date: string;
  kind: Note['kind'];
  participants: string;
  amount: string;
  currency: string;
  title: string;
  body: string;
  documentIds: string[];
  privilege: Note['privilege'];
  recordsResolution: boolean;
};

export function emptyNote(disputeId: string): NoteFormValues {
  return {
    disputeId,
    date: todayIso(),
    kind: 'meeting',
    participants: '',
    amount: '',
    currency: '',
    title: '',
    body: '',
    documentIds: [],
    privilege: privilegedByDefault,
    recordsResolution: false,
  };
}

export function noteToValues(note: Note): NoteFormValues {
  const { id: _id, createdAt: _c, updatedAt: _u, amount, ...rest } = note;
  return { ...rest, amount: amount === null ? '' : String(amount) };
}
