/**
 * Deadlines as an iCalendar file (RFC 5545) that calendar programs import, written with ical.js
 * rather than by hand so escaping, folding and line endings are right. One VEVENT per deadline:
 * all-day when it has no time; at an exact instant (in UTC) when it has a time and a time zone;
 * in "floating" local time when it has a time but no zone. UIDs derive from the deadline's id, so
 * importing a later export updates the same events instead of duplicating them. A reminder
 * becomes a VALARM that many days before; a done deadline keeps its event but loses its alarm.
 */
import ICAL from 'ical.js';
import type { Deadline } from '../../../../shared/domain/schemas';
import { deadlineKind } from '../../../../shared/domain/vocabulary';

export type CalendarDeadline = Deadline & { disputeTitle: string; proceedingLabel: string };

const PRODID = '-//Casefile//Casefile deadlines//EN';

export function deadlineUid(deadline: Pick<Deadline, 'id'>): string {
  return `deadline-${deadline.id}@casefile`;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffset(utcMs: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return asUtc - Math.floor(utcMs / 60_000) * 60_000;
}

/** The UTC instant of a wall-clock date and time in an IANA zone, or null if the zone is unknown. */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  try {
    // Twice: the first guess may sit on the other side of a daylight-saving change.
    const first = wall - zoneOffset(wall, zone);
    return new Date(wall - zoneOffset(first, zone));
  } catch {
    return null;
  }
}

function startOf(deadline: Deadline): { start: ICAL.Time; end: ICAL.Time } {
  const [year, month, day] = deadline.date.split('-').map(Number) as [number, number, number];
  if (!deadline.time) {
    const start = ICAL.Time.fromData({ year, month, day, isDate: true });
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    return { start, end };
  }
  const [hour, minute] = deadline.time.split(':').map(Number) as [number, number];
  const utc = deadline.timeZone
    ? zonedToUtc(deadline.date, deadline.time, deadline.timeZone)
    : null;
  const start = utc
    ? ICAL.Time.fromJSDate(utc, true)
    : ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
  const end = start.clone();
  end.adjust(0, 1, 0, 0);
  return { start, end };
}

function describe(deadline: CalendarDeadline): string {
  return [
    `Dispute: ${deadline.disputeTitle}`,
    `Kind: ${deadlineKind.labels[deadline.kind]}`,
    deadline.proceedingLabel && `Proceeding: ${deadline.proceedingLabel}`,
    deadline.responsible && `Responsible: ${deadline.responsible}`,
    deadline.timeZone && deadline.time && `Local time: ${deadline.time} (${deadline.timeZone})`,
    deadline.done && 'Done.',
  ]
    .filter(Boolean)
    .join('\n');
}

export function buildDeadlinesCalendar(
  deadlines: CalendarDeadline[],
  now: Date = new Date(),
): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', PRODID);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('x-wr-calname', 'Casefile deadlines');
  const stamp = ICAL.Time.fromJSDate(now, true);

  for (const deadline of deadlines) {
    const vevent = new ICAL.Component('vevent');
    const event = new ICAL.Event(vevent);
    event.uid = deadlineUid(deadline);
    event.summary = `${deadline.done ? 'Done: ' : ''}${deadline.title} — ${deadline.disputeTitle}`;
    event.description = describe(deadline);
    const { start, end } = startOf(deadline);
    event.startDate = start;
    event.endDate = end;
    vevent.addPropertyWithValue('dtstamp', stamp);
    vevent.addPropertyWithValue('categories', deadlineKind.labels[deadline.kind]);
    // All-day deadlines do not block time in the calendar; timed ones (hearings) do.
    vevent.addPropertyWithValue('transp', deadline.time ? 'OPAQUE' : 'TRANSPARENT');
    if (deadline.reminderDays !== null && !deadline.done) {
      const alarm = new ICAL.Component('valarm');
      alarm.addPropertyWithValue('action', 'DISPLAY');
      alarm.addPropertyWithValue(
        'trigger',
        ICAL.Duration.fromData({ days: deadline.reminderDays, isNegative: true }),
      );
      alarm.addPropertyWithValue('description', `Reminder: ${deadline.title}`);
      vevent.addSubcomponent(alarm);
    }
    calendar.addSubcomponent(vevent);
  }
  return calendar.toString();
}
