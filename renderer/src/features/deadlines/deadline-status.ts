/**
 * Which deadlines need attention: open ones before today are overdue; open ones from today to
 * `days` ahead are upcoming. "Today" is passed in (the user's own calendar day as YYYY-MM-DD) so
 * the rule is testable and the home screen agrees with the person's clock, not UTC's. Deadlines
 * are compared by date alone: one due later today is not yet overdue.
 */
import type { Deadline } from '../../../../shared/domain/schemas';

export const UPCOMING_DAYS = 30;

export type DeadlineState = 'done' | 'overdue' | 'upcoming' | 'later';

/** Adds days to a YYYY-MM-DD date, in calendar days (no time zone or daylight-saving drift). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function deadlineState(
  deadline: Pick<Deadline, 'date' | 'done'>,
  today: string,
  days = UPCOMING_DAYS,
): DeadlineState {
  if (deadline.done) return 'done';
  if (deadline.date < today) return 'overdue';
  return deadline.date <= addDays(today, days) ? 'upcoming' : 'later';
}

export function byDateAndTime(a: Deadline, b: Deadline): number {
  return (a.date + a.time).localeCompare(b.date + b.time) || a.title.localeCompare(b.title);
}

/** The home screen's two lists, each in date order (the most overdue first). */
export function classifyDeadlines<D extends Deadline>(
  deadlines: D[],
  today: string,
  days = UPCOMING_DAYS,
): { overdue: D[]; upcoming: D[] } {
  const sorted = [...deadlines].sort(byDateAndTime);
  return {
    overdue: sorted.filter((d) => deadlineState(d, today, days) === 'overdue'),
    upcoming: sorted.filter((d) => deadlineState(d, today, days) === 'upcoming'),
  };
}
