/**
 * The dashboard's read as a shared live query (db/shared-live-query.ts): a window opening on Home
 * starts it with the app (home/home-queries.ts), and the dashboard reads the same one.
 */
import { db } from '../../db/db';
import type { SharedQuery } from '../../db/shared-live-query';
import { loadDashboard, type DashboardState } from './dashboard-data';

/** The dashboard's figures (or that they must first be prepared) on `today`. */
export function dashboardQuery(today: string): SharedQuery<DashboardState> {
  return { key: `dashboard:${today}`, querier: () => loadDashboard(db, today) };
}
