/**
 * What the dispute's Overview adds to the detail every tab shares: its deadlines still open, its
 * latest notes, how many notes and documents it has, and since when it has had its status. Every
 * read goes through the disputeId index (never a whole table); documents are only counted, and a
 * dispute's notes are read once, sorted and cut to the few the brief shows.
 */
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

export async function loadOverviewBrief(db: CasefileDb, dispute: Dispute): Promise<OverviewBrief> {
  const id = dispute.id;
  const [deadlines, notes, documentCount, since] = await Promise.all([
    db.deadlines.where('disputeId').equals(id).toArray(),
    db.notes.where('disputeId').equals(id).toArray(),
    db.documents.where('disputeId').equals(id).count(),
    statusSince(db, dispute),
  ]);
  return {
    openDeadlines: deadlines.filter((d) => !d.done).sort(byDateAndTime),
    latestNotes: notes.sort(byNoteDate).slice(0, LATEST_NOTES),
    noteCount: notes.length,
    documentCount,
    statusSince: since,
  };
}
