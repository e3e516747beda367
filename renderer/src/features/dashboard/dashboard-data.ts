/**
 * The figures of the Home dashboard and the portfolio report, computed in one pass over rows read
 * with a handful of indexed reads in one transaction (disputes, proceedings, the next quarter's
 * deadlines by date, the notes that carry an amount through the sparse `notes.amount` index),
 * never per chart per dispute and never the notes table whole. `computeDashboard` is
 * pure, so it is tested without a database and the bench can time it apart from the reads.
 */
import {
  closedYearOf,
  isOpenStatus,
  NO_YEAR_LABEL,
  outcomeGroup,
  outcomeGroupOf,
  type OutcomeGroup,
} from '../../../../shared/domain/portfolio-groups';
import type { Deadline, Dispute, Note, Proceeding } from '../../../../shared/domain/schemas';
import {
  disputeStatus,
  ourRole,
  type DisputeStatus,
  type OurRole,
} from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';

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

export function computeDashboard(input: DashboardInput, today: string): Dashboard {
  const open = new Set<string>();
  const resolved = new Set<string>();
  const status = new Map<string, number>();
  const role = new Map<string, number>();
  const opened = new Map<string, number>();
  const closed = new Map<string, number>();
  const outcomes = new Map<string, Record<OutcomeGroup, number>>();
  for (const d of input.disputes) {
    if (isOpenStatus(d.status)) {
      open.add(d.id);
      addTo(status, d.status);
      addTo(role, d.ourRole);
    }
    if (d.resolution !== null) resolved.add(d.id);
    const openedYear = d.openedOn.slice(0, 4);
    const closedYear = closedYearOf(d);
    if (openedYear) addTo(opened, openedYear);
    if (closedYear) addTo(closed, closedYear);
    const outcome = outcomeGroupOf(d.resolution);
    if (outcome) {
      const year = closedYear || NO_YEAR_LABEL;
      let row = outcomes.get(year);
      if (!row) {
        row = Object.fromEntries(outcomeGroup.values.map((g) => [g, 0])) as Record<
          OutcomeGroup,
          number
        >;
        outcomes.set(year, row);
      }
      row[outcome] += 1;
    }
  }

  // A dispute counts once per forum and once per country, however many proceedings it has there.
  const forumSeen = new Set<string>();
  const forum = new Map<string, number>();
  const country = new Map<string, number>();
  for (const p of input.proceedings) {
    if (!open.has(p.disputeId)) continue;
    if (p.forum && !forumSeen.has(`f\u0000${p.disputeId}\u0000${p.forum}`)) {
      forumSeen.add(`f\u0000${p.disputeId}\u0000${p.forum}`);
      addTo(forum, p.forum);
    }
    if (p.country && !forumSeen.has(`c\u0000${p.disputeId}\u0000${p.country}`)) {
      forumSeen.add(`c\u0000${p.disputeId}\u0000${p.country}`);
      addTo(country, p.country);
    }
  }

  const first = weekStart(today);
  const weeks: WeekRow[] = Array.from({ length: WEEKS_AHEAD }, (_, i) => {
    const week = addDaysIso(first, 7 * i);
    return { week, label: shortDate.format(utcDay(week)), count: 0 };
  });
  const end = addDaysIso(first, 7 * WEEKS_AHEAD);
  for (const deadline of input.deadlines) {
    if (deadline.done || deadline.date < first || deadline.date >= end) continue;
    const index = Math.floor(
      (utcDay(deadline.date).getTime() - utcDay(first).getTime()) / (7 * 86_400_000),
    );
    weeks[index]!.count += 1;
  }

  const money = new Map<string, Record<string, number>>();
  const currencies = new Set<string>();
  for (const note of input.considerations) {
    const year = note.date.slice(0, 4);
    if (note.amount === null || !note.currency || !year) continue;
    if (!note.recordsResolution || !resolved.has(note.disputeId)) continue;
    currencies.add(note.currency);
    const row = money.get(year) ?? {};
    row[note.currency] = (row[note.currency] ?? 0) + note.amount;
    money.set(year, row);
  }

  const years = [...new Set([...opened.keys(), ...closed.keys()])].sort();
  return {
    openCount: open.size,
    total: input.disputes.length,
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
