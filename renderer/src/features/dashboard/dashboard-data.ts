/**
 * The figures of the Home dashboard and the portfolio report, folded in one pass over each
 * dispute's facts (shared/domain/dispute-facts.ts), never per chart per dispute. Home reads the
 * facts the database keeps (`loadDashboard`: a few dozen records, kept exact by the write path,
 * see db/dispute-facts.ts) and the open deadlines' dates; the portfolio report and the tests
 * compute them from whole records (`computeDashboard`, the reference the stored facts are checked
 * against). Both are pure past their reads, so they are tested without a database.
 */
import {
  isOpenStatus,
  NO_YEAR_LABEL,
  outcomeGroup,
  type OutcomeGroup,
} from '../../../../shared/domain/portfolio-groups';
import { allFactsOf, type DisputeFacts } from '../../../../shared/domain/dispute-facts';
import type { Deadline, Dispute, Note, Proceeding } from '../../../../shared/domain/schemas';
import {
  disputeStatus,
  ourRole,
  type DisputeStatus,
  type OurRole,
} from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';
import { readDisputeFacts } from '../../db/dispute-facts';

/** One bar: what it is called, how many, and the disputes list it opens (if any). */
export type Count = { key: string; label: string; count: number };

export type YearRow = { year: string; opened: number; closed: number };
export type OutcomeRow = { year: string } & Record<OutcomeGroup, number>;
export type WeekRow = { week: string; label: string; count: number };
export type ConsiderationRow = { year: string } & Record<string, number | string>;

export type Dashboard = {
  openCount: number;
  total: number;
  byForum: Count[];
  byCountry: Count[];
  byStatus: Count[];
  byRole: Count[];
  perYear: YearRow[];
  outcomes: OutcomeRow[];
  deadlinesPerWeek: WeekRow[];
  /** Sums per year, one key per currency (amounts in different currencies are never added). */
  consideration: ConsiderationRow[];
  currencies: string[];
};

export type DashboardInput = {
  disputes: ReadonlyArray<
    Pick<Dispute, 'id' | 'status' | 'ourRole' | 'openedOn' | 'closedOn' | 'resolution'>
  >;
  proceedings: ReadonlyArray<Pick<Proceeding, 'disputeId' | 'forum' | 'country'>>;
  /** Deadlines from the start of this week on; done ones are skipped here. */
  deadlines: ReadonlyArray<Pick<Deadline, 'date' | 'done'>>;
  /**
   * Notes with an amount; those that record the resolution of a dispute that has one are summed.
   */
  considerations: ReadonlyArray<
    Pick<Note, 'date' | 'amount' | 'currency' | 'disputeId' | 'recordsResolution'>
  >;
};

export const WEEKS_AHEAD = 13;
/** Forums and countries beyond these many are left to the list's own filter. */
export const TOP_PLACES = 10;

const addTo = (map: Map<string, number>, key: string, by = 1) =>
  map.set(key, (map.get(key) ?? 0) + by);

function topCounts(map: Map<string, number>, limit: number): Count[] {
  return [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, count]) => ({ key, label: key, count }));
}

function utcDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The Monday on or before `today` (YYYY-MM-DD). */
export function weekStart(today: string): string {
  const date = utcDay(today);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return isoDay(date);
}

export function addDaysIso(day: string, days: number): string {
  const date = utcDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** The first day of each of the WEEKS_AHEAD weeks from this one, and the day after the last. */
export function weekBounds(today: string): string[] {
  const first = weekStart(today);
  return Array.from({ length: WEEKS_AHEAD + 1 }, (_, i) => addDaysIso(first, 7 * i));
}

/** How many of the open deadlines' due dates fall in each week of `weekBounds(today)`. */
export function countPerWeek(openDueDates: Iterable<string>, today: string): number[] {
  const bounds = weekBounds(today);
  const counts = Array.from({ length: WEEKS_AHEAD }, () => 0);
  const firstTime = utcDay(bounds[0]!).getTime();
  for (const date of openDueDates) {
    if (date < bounds[0]! || date >= bounds[WEEKS_AHEAD]!) continue;
    counts[Math.floor((utcDay(date).getTime() - firstTime) / (7 * 86_400_000))]! += 1;
  }
  return counts;
}

/**
 * The figures, folded in one pass over each dispute's facts (shared/domain/dispute-facts.ts),
 * with the open deadlines due in each week from this one (`countPerWeek`).
 */
export function foldDashboard(
  facts: Iterable<DisputeFacts>,
  openDuePerWeek: ReadonlyArray<number>,
  today: string,
): Dashboard {
  let total = 0;
  let openCount = 0;
  const status = new Map<string, number>();
  const role = new Map<string, number>();
  const opened = new Map<string, number>();
  const closed = new Map<string, number>();
  const outcomes = new Map<string, Record<OutcomeGroup, number>>();
  const forum = new Map<string, number>();
  const country = new Map<string, number>();
  const money = new Map<string, Record<string, number>>();
  const currencies = new Set<string>();
  for (const d of facts) {
    total += 1;
    if (isOpenStatus(d.status)) {
      openCount += 1;
      addTo(status, d.status);
      addTo(role, d.ourRole);
      // Facts hold each forum and country once per dispute.
      for (const f of d.forums) addTo(forum, f);
      for (const c of d.countries) addTo(country, c);
    }
    if (d.opened) addTo(opened, d.opened);
    if (d.closed) addTo(closed, d.closed);
    if (d.outcome) {
      const year = d.closed || NO_YEAR_LABEL;
      let row = outcomes.get(year);
      if (!row) {
        row = Object.fromEntries(outcomeGroup.values.map((g) => [g, 0])) as Record<
          OutcomeGroup,
          number
        >;
        outcomes.set(year, row);
      }
      row[d.outcome] += 1;
    }
    for (const [year, currency, amount] of d.considerations) {
      currencies.add(currency);
      const row = money.get(year) ?? {};
      row[currency] = (row[currency] ?? 0) + amount;
      money.set(year, row);
    }
  }

  const weeks: WeekRow[] = weekBounds(today)
    .slice(0, WEEKS_AHEAD)
    .map((week, i) => ({
      week,
      label: shortDate.format(utcDay(week)),
      count: openDuePerWeek[i] ?? 0,
    }));

  const years = [...new Set([...opened.keys(), ...closed.keys()])].sort();
  return {
    openCount,
    total,
    byForum: topCounts(forum, TOP_PLACES),
    byCountry: topCounts(country, TOP_PLACES),
    byStatus: disputeStatus.values
      .filter((s) => isOpenStatus(s))
      .map((s: DisputeStatus) => ({
        key: s,
        label: disputeStatus.labels[s],
        count: status.get(s) ?? 0,
      })),
    byRole: ourRole.values
      .filter((r) => role.has(r))
      .map((r: OurRole) => ({ key: r, label: ourRole.labels[r], count: role.get(r) ?? 0 })),
    perYear: years.map((year) => ({
      year,
      opened: opened.get(year) ?? 0,
      closed: closed.get(year) ?? 0,
    })),
    outcomes: [...outcomes.keys()].sort().map((year) => ({ year, ...outcomes.get(year)! })),
    deadlinesPerWeek: weeks,
    consideration: [...money.keys()].sort().map((year) => ({ year, ...money.get(year)! })),
    currencies: [...currencies].sort(),
  };
}

/** The figures from whole records (the portfolio report's, and the reference for the facts). */
export function computeDashboard(input: DashboardInput, today: string): Dashboard {
  return foldDashboard(
    allFactsOf(input.disputes, input.proceedings, input.considerations),
    countPerWeek(
      input.deadlines.filter((d) => !d.done).map((d) => d.date),
      today,
    ),
    today,
  );
}

/**
 * The reads behind the figures, in one transaction so they see one state of the case file. The
 * notes come through the sparse `notes.amount` index: a note without an amount is not in it, so
 * the 100,000 notes of a large case file are never read whole.
 */
export async function loadDashboardInput(db: CasefileDb, today: string): Promise<DashboardInput> {
  const first = weekStart(today);
  performance.mark('cf-dashboard:read');
  return db.transaction('r', [db.disputes, db.proceedings, db.deadlines, db.notes], async () => {
    const [disputes, proceedings, deadlines, considerations] = await Promise.all([
      db.disputes.toArray(),
      db.proceedings.toArray(),
      db.deadlines
        .where('date')
        .between(first, addDaysIso(first, 7 * WEEKS_AHEAD), true, false)
        .toArray(),
      db.notes.where('amount').aboveOrEqual(0).toArray(),
    ]);
    performance.mark('cf-dashboard:read-done');
    return { disputes, proceedings, deadlines, considerations };
  });
}

export type DashboardState =
  { current: true; figures: Dashboard } | { current: false; rebuilding: boolean };

/**
 * The Home dashboard's read: the stored facts (one record per bucket of disputes) and, per week
 * of the quarter, how many open deadlines fall due in it (counted on the sparse `openDue` index
 * in IndexedDB itself), in one transaction. Not the due dates themselves: an index's keys are
 * read through a cursor, one event on this thread per key, and 1,300 due dates (20,000
 * deadlines) were most of a cold Home's read. While any dispute's facts are marked out of date
 * it answers that instead of figures: the caller refreshes them (db/dispute-facts.ts) and this
 * query runs again.
 */
export async function loadDashboard(db: CasefileDb, today: string): Promise<DashboardState> {
  const bounds = weekBounds(today);
  performance.mark('cf-dashboard:read');
  return db.transaction(
    'r',
    [db.disputeFactsDirty, db.disputeFacts, db.disputes, db.deadlines],
    async () => {
      const [stored, perWeek] = await Promise.all([
        readDisputeFacts(db),
        Promise.all(
          bounds.slice(0, WEEKS_AHEAD).map((from, i) =>
            db.deadlines
              .where('openDue')
              .between(from, bounds[i + 1], true, false)
              .count(),
          ),
        ),
      ]);
      performance.mark('cf-dashboard:read-done');
      if (!stored.current) return stored;
      return { current: true, figures: foldDashboard(stored.facts, perWeek, today) };
    },
  );
}
