/**
 * Home's reads as shared live queries (db/shared-live-query.ts), so that a window opening on Home
 * can start them with the app itself (startHomeReads, from main.tsx) instead of once its first
 * render is committed, painted and its effects have run: on a cold Home with 20,000 deadlines the
 * dashboard's read began 100-200 ms after the first render had finished, and everything else on
 * the screen waits for it. Home reads the very same queries, so nothing is read twice and each
 * stays live as a useLiveQuery would.
 */
import { db } from '../../db/db';
import type { SharedQuery } from '../../db/shared-live-query';
import { holdLiveQuery } from '../../db/shared-live-query';
import { dashboardQuery } from '../dashboard/dashboard-query';
import { openDeadlinesPage, type DeadlinePage } from '../deadlines/deadline-queries';
import { addDays, UPCOMING_DAYS } from '../deadlines/deadline-status';

/** The deadlines each of Home's two lists shows before "Show all". */
export const ROWS_AT_FIRST = 50;

export type DeadlineLists = { overdue: DeadlinePage; upcoming: DeadlinePage };

/** The first `overdueLimit` overdue and `upcomingLimit` upcoming open deadlines, and counts. */
export function deadlineListsQuery(
  today: string,
  overdueLimit: number,
  upcomingLimit: number,
): SharedQuery<DeadlineLists> {
  return {
    key: `home:deadlines:${today}:${overdueLimit}:${upcomingLimit}`,
    querier: async () => {
      const [overdue, upcoming] = await Promise.all([
        openDeadlinesPage(db, '', today, overdueLimit),
        openDeadlinesPage(db, today, addDays(today, UPCOMING_DAYS + 1), upcomingLimit),
      ]);
      return { overdue, upcoming };
    },
  };
}

/** Home's first read when the window opened on Home, until Home holds it itself. */
let early: (() => void) | undefined;
/** However long Home takes to mount, or if the window goes elsewhere first, this one goes. */
const EARLY_HOLD_MS = 10_000;

/**
 * Starts what Home reads first (the dashboard's figures), before Home is drawn: for a window that
 * opens on Home, called as the app starts (main.tsx). Held until Home has taken hold of the same
 * query (releaseEarlyHomeReads) or, if it never mounts, for EARLY_HOLD_MS.
 */
export function startHomeReads(today: string): void {
  early?.();
  const release = holdLiveQuery(dashboardQuery(today));
  early = release;
  setTimeout(release, EARLY_HOLD_MS);
}

/** Home holds its queries now: the early hold may go. */
export function releaseEarlyHomeReads(): void {
  early?.();
  early = undefined;
}
