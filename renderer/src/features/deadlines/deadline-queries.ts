/**
 * Read models for deadlines: each deadline with the names a person needs beside it (its dispute,
 * its proceeding). Whole tables are read once, so the home screen costs a few reads however
 * many disputes there are.
 */
import type { Deadline } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { forumLabel } from '../disputes/dispute-queries';
import type { CalendarDeadline } from './deadlines-ics';
import { byDateAndTime } from './deadline-status';

export type DeadlineView = CalendarDeadline;

async function withNames(db: CasefileDb, deadlines: Deadline[]): Promise<DeadlineView[]> {
  const disputeIds = [...new Set(deadlines.map((d) => d.disputeId))];
  const proceedingIds = [
    ...new Set(deadlines.flatMap((d) => (d.proceedingId ? [d.proceedingId] : []))),
  ];
  const [disputes, proceedings] = await Promise.all([
    db.disputes.bulkGet(disputeIds),
    db.proceedings.bulkGet(proceedingIds),
  ]);
  const titles = new Map(disputes.flatMap((d) => (d ? [[d.id, d.title] as const] : [])));
  const forums = new Map(proceedings.flatMap((p) => (p ? [[p.id, forumLabel(p)] as const] : [])));
  return deadlines.sort(byDateAndTime).map((d) => ({
    ...d,
    disputeTitle: titles.get(d.disputeId) ?? 'Unknown dispute',
    proceedingLabel: d.proceedingId ? (forums.get(d.proceedingId) ?? '') : '',
  }));
}

/** Every deadline of one dispute, or of all disputes when `disputeId` is null. */
export async function listDeadlines(
  db: CasefileDb,
  disputeId: string | null,
): Promise<DeadlineView[]> {
  const deadlines = disputeId
    ? await db.deadlines.where('disputeId').equals(disputeId).toArray()
    : await db.deadlines.toArray();
  return withNames(db, deadlines);
}

/** Open deadlines up to `until` (YYYY-MM-DD), overdue ones included: what the home screen shows. */
export async function listOpenDeadlinesUntil(
  db: CasefileDb,
  until: string,
): Promise<DeadlineView[]> {
  // The sparse `openDue` index (schema 3) holds only deadlines that are not done, so this is one
  // index range over what is open, however many years of done deadlines pile up.
  return withNames(db, await db.deadlines.where('openDue').belowOrEqual(until).toArray());
}
