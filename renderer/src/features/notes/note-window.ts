/**
 * A dispute's notes read a window at a time, in the Notes tab's order (byNoteDate), so that a
 * dispute with thousands of notes opens its tab by reading the screenful it shows, not every note.
 *
 * `notes[disputeId+date]` read backwards lists the notes newest date first with undated ones ('',
 * the lowest key) last: the tab's order, except within one date, where the index lists by id and
 * the tab by when each note was written. So a window is read from the index by position, then
 * the whole date groups it starts and ends in are read too and sorted; a group's position is the
 * count of notes dated after it. Dates are rarely shared by more than a few notes, so a window
 * costs a few dozen rows whatever the dispute holds.
 */
import { Dexie } from 'dexie';
import type { Note } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { byNoteDate } from './note-queries';

function byDate(db: CasefileDb) {
  return db.notes.where('[disputeId+date]');
}

/** How many of the dispute's notes come before every note of `date` (are dated after it). */
function countDatedAfter(db: CasefileDb, disputeId: string, date: string): Promise<number> {
  return byDate(db).between([disputeId, date], [disputeId, Dexie.maxKey], false, true).count();
}

/** The notes at positions `start` (inclusive) to `end` (exclusive) in the Notes tab's order. */
export function readNoteWindow(
  db: CasefileDb,
  disputeId: string,
  start: number,
  end: number,
): Promise<Note[]> {
  if (end <= start) return Promise.resolve([]);
  // One read transaction: its requests follow each other without a new transaction each.
  return db.transaction('r', db.notes, async () => {
    // One note either side too: a date group is cut by the window only if a neighbour shares
    // its date, and most windows then need nothing more.
    const from = Math.max(0, start - 1);
    const rows = await byDate(db)
      .between([disputeId, Dexie.minKey], [disputeId, Dexie.maxKey])
      .reverse()
      .offset(from)
      .limit(end + 1 - from)
      .toArray();
    const page = rows.slice(start - from, end - from);
    const first = page[0];
    const last = page.at(-1);
    if (!first || !last) return [];
    const previous = start > 0 ? rows[0] : undefined;
    const next = rows[end - from];
    const firstCut = previous?.date === first.date;
    const lastCut = next?.date === last.date && !(firstCut && last.date === first.date);
    const [before, firstGroup, lastGroup] = await Promise.all([
      firstCut ? countDatedAfter(db, disputeId, first.date) : start,
      firstCut ? byDate(db).equals([disputeId, first.date]).toArray() : [],
      lastCut ? byDate(db).equals([disputeId, last.date]).toArray() : [],
    ]);
    // The dates the window spans, whole: a run of the tab's order starting at position `before`.
    const run = new Map<string, Note>();
    for (const note of [...firstGroup, ...page, ...lastGroup]) run.set(note.id, note);
    return [...run.values()].sort(byNoteDate).slice(start - before, end - before);
  });
}

/** Where a note stands in the Notes tab's order, or -1 when it is not one of the dispute's. */
export async function notePosition(
  db: CasefileDb,
  disputeId: string,
  noteId: string,
): Promise<number> {
  const note = await db.notes.get(noteId);
  if (!note || note.disputeId !== disputeId) return -1;
  const [before, group] = await Promise.all([
    countDatedAfter(db, disputeId, note.date),
    byDate(db).equals([disputeId, note.date]).toArray(),
  ]);
  return before + group.sort(byNoteDate).findIndex((n) => n.id === noteId);
}
