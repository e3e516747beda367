/**
 * What the dispute's Overview adds to the detail every tab shares: its deadlines still open, its
 * latest notes, how many notes and documents it has, and since when it has had its status. Every
 * read goes through an index (never a whole table); notes and documents are only counted, and the
 * latest notes are read from the newest end of `notes[disputeId+date]`, a few rows however many
 * notes the dispute holds.
 */
import { Dexie } from 'dexie';
import type { Deadline, Dispute, Note } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { byDateAndTime } from '../deadlines/deadline-status';
import { byNoteDate } from '../notes/note-queries';

export type OverviewBrief = {
  /** Open deadlines in date order, overdue ones first (they are the earliest). */
  openDeadlines: Deadline[];
  latestNotes: Note[];
  noteCount: number;
  documentCount: number;
  /** When the dispute took its present status, as an ISO date or timestamp; '' when not known. */
  statusSince: string;
};

export const LATEST_NOTES = 3;

/**
 * Settled and closed disputes date their status by the outcome or the closing date; the others by
 * the last change of status in the audit log, else by the day they opened. A status the sample or
 * an import set is not dated by the day it was loaded.
 */
async function statusSince(db: CasefileDb, dispute: Dispute): Promise<string> {
  if (dispute.status === 'settled' || dispute.status === 'closed') {
    return dispute.resolution?.date || dispute.closedOn;
  }
  const entries = await db.audit
    .where('[entity+entityId]')
    .equals(['dispute', dispute.id])
    .toArray();
  const changed = entries
    .filter((e) => e.action === 'update' && e.changes.some((c) => c.field === 'status'))
    .at(-1);
  return changed?.at ?? dispute.openedOn;
}

/**
 * The dispute's `count` latest notes in the Notes tab's order (byNoteDate): newest date first,
 * then the later written. Dated notes are read newest first from the index, together with every
 * note sharing the last one's date, so that a tie is settled by when each was written as the tab
 * settles it. Undated notes come after every dated one, as on the Notes tab and the timeline: they
 * fill the brief only when the dispute has fewer dated notes than it shows, and then the latest
 * written of them show. That takes reading the dispute's undated notes, which forms make rare (a
 * new note is dated today unless its date is cleared).
 */
export async function latestNotes(
  db: CasefileDb,
  disputeId: string,
  count: number,
): Promise<Note[]> {
  const index = db.notes.where('[disputeId+date]');
  // '' (undated) is the lowest date; the range starts just above it.
  const dated = () => index.between([disputeId, ''], [disputeId, Dexie.maxKey], false, true);
  const newest = await dated().reverse().limit(count).toArray();
  const last = newest.at(-1);
  if (newest.length === count && last) {
    const fromLastDate = await index
      .between([disputeId, last.date], [disputeId, Dexie.maxKey], true, true)
      .toArray();
    return fromLastDate.sort(byNoteDate).slice(0, count);
  }
  const undated = await index.equals([disputeId, '']).toArray();
  return [...newest, ...undated].sort(byNoteDate).slice(0, count);
}

export async function loadOverviewBrief(db: CasefileDb, dispute: Dispute): Promise<OverviewBrief> {
  const id = dispute.id;
  const [deadlines, latest, noteCount, documentCount, since] = await Promise.all([
    db.deadlines.where('disputeId').equals(id).toArray(),
    latestNotes(db, id, LATEST_NOTES),
    db.notes.where('disputeId').equals(id).count(),
    db.documents.where('disputeId').equals(id).count(),
    statusSince(db, dispute),
  ]);
  return {
    openDeadlines: deadlines.filter((d) => !d.done).sort(byDateAndTime),
    latestNotes: latest,
    noteCount,
    documentCount,
    statusSince: since,
  };
}
