import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildDeadlinesCalendar,
  deadlineUid,
  zonedToUtc,
  type CalendarDeadline,
} from './deadlines-ics';

function deadline(extra: Partial<CalendarDeadline>): CalendarDeadline {
  return {
    id: 'x',
    disputeId: 'd1',
    proceedingId: null,
    date: '2025-03-18',
    time: '',
    timeZone: '',
    kind: 'filing-deadline',
    title: 'Statement of defence',
    responsible: 'Example Counsel; LLP, Berlin',
    reminderDays: null,
    done: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    disputeTitle: 'Orion v. Nimbus',
    proceedingLabel: 'Landgericht München I (Germany)',
    ...extra,
  };
}

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the deadlines calendar', () => {
  it('writes all-day events with stable UIDs and reminders that read back with ical.js', () => {
    const text = buildDeadlinesCalendar(
      [
        deadline({ id: 'a1', reminderDays: 7 }),
        deadline({ id: 'a2', date: '2024-02-29', title: 'Reply' }),
      ],
      new Date('2025-01-01T12:00:00Z'),
    );
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const [first, second] = events(text);
    expect(first?.uid).toBe(deadlineUid({ id: 'a1' }));
    expect(first?.summary).toBe('Statement of defence — Orion v. Nimbus');
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe('2025-03-18');
    expect(first?.endDate.toString()).toBe('2025-03-19');
    expect(first?.description).toContain('Responsible: Example Counsel; LLP, Berlin');
    const alarm = first?.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe('-P7D');
    expect(second?.startDate.toString()).toBe('2024-02-29');
    expect(second?.component.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('places a timed deadline in its own time zone at the right instant, across summer time', () => {
    const [winter, summer] = events(
      buildDeadlinesCalendar([
        deadline({ id: 'w', date: '2025-03-18', time: '09:30', timeZone: 'Europe/Berlin' }),
        deadline({ id: 's', date: '2025-07-01', time: '09:30', timeZone: 'Europe/Berlin' }),
      ]),
    );
    expect(winter?.startDate.toJSDate().toISOString()).toBe('2025-03-18T08:30:00.000Z');
    expect(summer?.startDate.toJSDate().toISOString()).toBe('2025-07-01T07:30:00.000Z');
    expect(zonedToUtc('2025-03-18', '09:30', 'Not/AZone')).toBeNull();
  });

  it('keeps a done deadline, marked done, without its alarm', () => {
    const [done] = events(buildDeadlinesCalendar([deadline({ done: true, reminderDays: 3 })]));
    expect(done?.summary).toMatch(/^Done: /);
    expect(done?.component.getFirstSubcomponent('valarm')).toBeNull();
  });
});
