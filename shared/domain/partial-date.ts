/**
 * Dates in a case file are often known only to the month or the year ("filed in March 2023"), so
 * a date is stored as ISO text at the precision it is known: `2023`, `2023-03` or `2023-03-15`.
 * ISO text sorts chronologically as plain strings, which keeps indexes and timelines simple.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export type DatePrecision = 'year' | 'month' | 'day';

export type ParsedPartialDate = {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parsePartialDate(text: string): ParsedPartialDate | null {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1800 || year > 2200) return null;
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

export function isFullDate(text: string): boolean {
  return parsePartialDate(text)?.precision === 'day';
}

/** "15 March 2023", "March 2023", "2023"; an empty string stays empty. */
export function formatPartialDate(text: string): string {
  if (!text) return '';
  const date = parsePartialDate(text);
  if (!date) return text;
  const monthName = date.month === undefined ? undefined : MONTHS[date.month - 1];
  if (date.precision === 'year' || !monthName) return String(date.year);
  if (date.precision === 'month') return `${monthName} ${date.year}`;
  return `${date.day} ${monthName} ${date.year}`;
}

/** Today's date in the user's own time zone, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Whether a partial date lies wholly after `today` ("2026-12" is not after "2026-12-02"). */
export function isAfter(date: string, today: string): boolean {
  return date !== '' && date > today.slice(0, date.length);
}
