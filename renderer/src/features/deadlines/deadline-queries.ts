/**
 * Read models for deadlines: each deadline with the names a person needs beside it (its dispute,
 * its proceeding). Whole tables are read once, so the home screen costs a few reads however
 * many disputes there are.
 */
import { Dexie } from 'dexie';
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

export type DeadlinePage = { rows: DeadlineView[]; total: number };

/**
 * The first `limit` open deadlines due in [from, to) (`from` '' for "from the first"), in date
 * and time order, and how many there are: Home shows the first rows of each list, so a case file
 * with 10,000 overdue deadlines reads a page and a count, not all of them. The sparse `openDue`
 * index gives date order; the rows of the last date read are all read, so that date's own order
 * (by time, then title) is right too.
 */
export async function openDeadlinesPage(
  db: CasefileDb,
  from: string,
  to: string,
  limit: number,
): Promise<DeadlinePage> {
  const range = () => db.deadlines.where('openDue').between(from || Dexie.minKey, to, true, false);
  const [total, first] = await Promise.all([
    range().count(),
    Number.isFinite(limit) ? range().limit(limit).toArray() : range().toArray(),
  ]);
  const last = first.at(-1)?.date;
  const sameDay =
    last !== undefined && first.length < total
      ? await db.deadlines.where('openDue').equals(last).toArray()
      : [];
  const seen = new Set(first.map((d) => d.id));
  const rows = [...first, ...sameDay.filter((d) => !seen.has(d.id))];
  return { rows: (await withNames(db, rows)).slice(0, limit), total };
}
