/** Notes of one dispute as the Notes tab shows them: searched, in date order, with their documents. */
import type { CaseDocument, Note } from '../../../../shared/domain/schemas';
import { noteKind, privilege } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';
import { markdownToText } from './markdown';

export type NoteView = Note & { documents: Pick<CaseDocument, 'id' | 'title'>[] };

/**
 * Newest first; undated notes (date not given) after all dated ones; then the later written; then
 * by id, as the database lists notes written in the same instant (an import's), so that every
 * screen and every page of the Notes tab agree on one order.
 */
export function byNoteDate(a: Note, b: Note): number {
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  return (
    b.date.localeCompare(a.date) ||
    b.createdAt.localeCompare(a.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export async function listNotes(db: CasefileDb, disputeId: string): Promise<NoteView[]> {
  const notes = await db.notes.where('disputeId').equals(disputeId).toArray();
  return withDocuments(db, disputeId, notes.sort(byNoteDate));
}

/** The notes, each with the documents it cites that belong to its dispute and still exist. */
export async function withDocuments(
  db: CasefileDb,
  disputeId: string,
  notes: Note[],
): Promise<NoteView[]> {
  // Only the documents the notes cite: a dispute may hold a thousand filings, few of them cited.
  const cited = [...new Set(notes.flatMap((note) => note.documentIds))];
  if (cited.length === 0) return notes.map((note) => ({ ...note, documents: [] }));
  const byId = new Map(
    (await db.documents.bulkGet(cited)).flatMap((d) =>
      d && d.disputeId === disputeId ? [[d.id, { id: d.id, title: d.title }] as const] : [],
    ),
  );
  return notes.map((note) => ({
    ...note,
    documents: note.documentIds.flatMap((id) => {
      const document = byId.get(id);
      return document ? [document] : [];
    }),
  }));
}

/** Case-insensitive search over every word a note shows, optionally of one kind only. */
export function filterNotes<N extends Note>(
  notes: N[],
  { text, kind }: { text: string; kind: string | null },
): N[] {
  const needle = text.trim().toLocaleLowerCase();
  return notes.filter((note) => {
    if (kind && note.kind !== kind) return false;
    if (!needle) return true;
    const haystack = [
      note.title,
      note.participants,
      note.body,
      markdownToText(note.body),
      noteKind.labels[note.kind],
      note.currency,
      note.amount === null ? '' : String(note.amount),
      privilege.labels[note.privilege],
    ]
      .join('\n')
      .toLocaleLowerCase();
    return needle.split(/\s+/).every((word) => haystack.includes(word));
  });
}

/** "US$2,500,000.00" in the reader's own locale; an unknown currency code falls back to plain. */
export function formatAmount(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  }
}
