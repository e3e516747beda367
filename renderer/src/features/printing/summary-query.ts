/**
 * What the printed summary and the portfolio report read. Each is one pass over a few indexed
 * reads, so a dispute with hundreds of documents and notes is ready in a handful of IndexedDB calls.
 */
import type { CaseDocument, Deadline, Note } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';
import type { Privilege } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';
import {
  listDisputeRows,
  loadDisputeDetail,
  type DisputeDetail,
  type DisputeRow,
} from '../disputes/dispute-queries';

export type SummaryData = {
  detail: DisputeDetail;
  documents: CaseDocument[];
  notes: Note[];
  deadlines: Deadline[];
};

const PRIVILEGED: ReadonlySet<Privilege> = new Set([
  'attorney-client',
  'work-product',
  'attorney-client-work-product',
]);

/** Privileged notes leave the building only when the person says so. */
export function isPrivileged(privilege: Privilege): boolean {
  return PRIVILEGED.has(privilege);
}

const byDateThenTitle = <T extends { title: string }>(date: (x: T) => string) => {
  return (a: T, b: T) => date(a).localeCompare(date(b)) || a.title.localeCompare(b.title);
};

export async function loadSummary(db: CasefileDb, id: string): Promise<SummaryData | null> {
  const [detail, documents, notes, deadlines] = await Promise.all([
    loadDisputeDetail(db, id),
    db.documents.where('disputeId').equals(id).toArray(),
    db.notes.where('disputeId').equals(id).toArray(),
    db.deadlines.where('disputeId').equals(id).toArray(),
  ]);
  if (!detail) return null;
  return {
    detail,
    documents: documents.sort(byDateThenTitle((d) => d.filedOn)),
    notes: notes.sort(byDateThenTitle((n) => n.date)),
    deadlines: deadlines.sort(byDateThenTitle((d) => d.date)),
  };
}

export type PortfolioRow = DisputeRow & { nextDeadline: Deadline | null };

const CLOSED_STATUSES = new Set(['settled', 'closed']);

/** Every open dispute (not settled or closed) with its next deadline still to do. */
export async function loadPortfolio(db: CasefileDb, today = todayIso()): Promise<PortfolioRow[]> {
  const [rows, deadlines] = await Promise.all([
    listDisputeRows(db),
    db.deadlines.where('date').aboveOrEqual(today).toArray(),
  ]);
  const next = new Map<string, Deadline>();
  for (const deadline of deadlines) {
    if (deadline.done) continue;
    const known = next.get(deadline.disputeId);
    if (!known || deadline.date < known.date) next.set(deadline.disputeId, deadline);
  }
  return rows
    .filter((row) => !CLOSED_STATUSES.has(row.dispute.status))
    .map((row) => ({ ...row, nextDeadline: next.get(row.dispute.id) ?? null }))
    .sort((a, b) => a.dispute.title.localeCompare(b.dispute.title));
}
