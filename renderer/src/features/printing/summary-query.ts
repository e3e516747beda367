/**
 * What the printed summary and the portfolio report read. Each is one pass over a few indexed
 * reads, so a dispute with hundreds of documents and notes is ready in a handful of IndexedDB calls.
 */
import type { CaseDocument, Deadline, Note } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';
import type { Privilege } from '../../../../shared/domain/vocabulary';
import { isOpenStatus } from '../../../../shared/domain/portfolio-groups';
import { disputeStatus, ourRole } from '../../../../shared/domain/vocabulary';
import type { PortfolioChoices, PortfolioSort } from '../../../../shared/print-options';
import type { CasefileDb } from '../../db/casefile-db';
import { addDaysIso, computeDashboard, type Dashboard } from '../dashboard/dashboard-data';
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

export type PortfolioRow = DisputeRow & {
  nextDeadline: Deadline | null;
  /** Open deadlines whose date has passed, oldest first. */
  overdue: Deadline[];
  /** "CN 1234567" or the patent's title where no number is known, once each. */
  patents: string[];
};

export type Total = { label: string; count: number };

export type PortfolioData = {
  rows: PortfolioRow[];
  totals: { byStatus: Total[]; byForum: Total[]; byRole: Total[] };
  /** Open deadlines of the disputes listed: overdue ones, then the next quarter's. */
  deadlines: (Deadline & { disputeTitle: string; overdue: boolean })[];
  /** The disputes listed that have an outcome. */
  outcomes: PortfolioRow[];
  figures: Dashboard;
};

const QUARTER_DAYS = 91;

function totals<T>(rows: T[], keys: (row: T) => string[]): Total[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const key of keys(row)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, count]) => ({ label, count }));
}

function sortPortfolio(rows: PortfolioRow[], sort: PortfolioSort): PortfolioRow[] {
  const byTitle = (a: PortfolioRow, b: PortfolioRow) =>
    a.dispute.title.localeCompare(b.dispute.title);
  const compare: Record<PortfolioSort, (a: PortfolioRow, b: PortfolioRow) => number> = {
    title: byTitle,
    status: (a, b) =>
      disputeStatus.values.indexOf(a.dispute.status) -
        disputeStatus.values.indexOf(b.dispute.status) || byTitle(a, b),
    // Disputes with something overdue first, then by the next date; none last.
    deadline: (a, b) => {
      const when = (r: PortfolioRow) => r.overdue[0]?.date ?? r.nextDeadline?.date ?? '9999';
      return when(a).localeCompare(when(b)) || byTitle(a, b);
    },
    opened: (a, b) => b.dispute.openedOn.localeCompare(a.dispute.openedOn) || byTitle(a, b),
  };
  return [...rows].sort(compare[sort]);
}

/**
 * The portfolio report: the disputes chosen (open ones, or all) with their overdue and next
 * deadlines and patents in suit, totals by status, forum and our role, the deadlines and outcomes,
 * and the dashboard's figures over the same disputes. A handful of whole-table reads.
 */
export async function loadPortfolio(
  db: CasefileDb,
  choices: Pick<PortfolioChoices, 'statuses' | 'sort'>,
  today = todayIso(),
): Promise<PortfolioData> {
  const [allRows, deadlines, assertions, patents, proceedings] = await Promise.all([
    listDisputeRows(db),
    db.deadlines.toArray(),
    db.assertions.toArray(),
    db.patents.toArray(),
    db.proceedings.toArray(),
  ]);
  const chosen = allRows.filter(
    (row) => choices.statuses === 'all' || isOpenStatus(row.dispute.status),
  );
  const ids = new Set(chosen.map((r) => r.dispute.id));
  const open = deadlines
    .filter((d) => !d.done && ids.has(d.disputeId))
    .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
  const overdueBy = new Map<string, Deadline[]>();
  const nextBy = new Map<string, Deadline>();
  for (const d of open) {
    if (d.date < today) overdueBy.set(d.disputeId, [...(overdueBy.get(d.disputeId) ?? []), d]);
    else if (!nextBy.has(d.disputeId)) nextBy.set(d.disputeId, d);
  }
  const patentById = new Map(patents.map((p) => [p.id, p]));
  const patentsBy = new Map<string, Set<string>>();
  for (const a of assertions) {
    if (!ids.has(a.disputeId)) continue;
    const patent = patentById.get(a.patentId);
    const label = patent ? patent.number || patent.title || patent.technology : '';
    if (!label) continue;
    const set = patentsBy.get(a.disputeId) ?? new Set<string>();
    set.add(label);
    patentsBy.set(a.disputeId, set);
  }
  const rows = sortPortfolio(
    chosen.map((row) => ({
      ...row,
      nextDeadline: nextBy.get(row.dispute.id) ?? null,
      overdue: overdueBy.get(row.dispute.id) ?? [],
      patents: [...(patentsBy.get(row.dispute.id) ?? [])].sort((a, b) =>
        a.localeCompare(b, undefined, { numeric: true }),
      ),
    })),
    choices.sort,
  );
  const titles = new Map(rows.map((r) => [r.dispute.id, r.dispute.title]));
  const horizon = addDaysIso(today, QUARTER_DAYS);
  return {
    rows,
    totals: {
      byStatus: totals(rows, (r) => [disputeStatus.labels[r.dispute.status]]),
      byForum: totals(rows, (r) => (r.forums.length ? r.forums : ['No forum recorded'])),
      byRole: totals(rows, (r) => [ourRole.labels[r.dispute.ourRole]]),
    },
    deadlines: open
      .filter((d) => d.date <= horizon)
      .map((d) => ({ ...d, disputeTitle: titles.get(d.disputeId) ?? '', overdue: d.date < today })),
    outcomes: rows.filter((r) => r.dispute.resolution !== null),
    figures: computeDashboard(
      {
        disputes: chosen.map((r) => r.dispute),
        proceedings: proceedings.filter((p) => ids.has(p.disputeId)),
        deadlines: open,
        considerations: [],
      },
      today,
    ),
  };
}
