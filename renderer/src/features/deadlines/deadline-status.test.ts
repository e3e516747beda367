import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../../../shared/domain/schemas';
import { addDays, classifyDeadlines, deadlineState } from './deadline-status';

function deadline(id: string, date: string, extra: Partial<Deadline> = {}): Deadline {
  return {
    id,
    disputeId: 'd1',
    proceedingId: null,
    date,
    time: '',
    timeZone: '',
    kind: 'filing-deadline',
    title: id,
    responsible: '',
    reminderDays: null,
    done: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('deadline classification', () => {
  const today = '2025-02-20';

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-02-20', 30)).toBe('2025-03-22');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-30', -30)).toBe('2025-02-28');
  });

  it('calls a deadline overdue only from the day after it, upcoming up to 30 days ahead', () => {
    expect(deadlineState(deadline('a', '2025-02-19'), today)).toBe('overdue');
    expect(deadlineState(deadline('b', '2025-02-20'), today)).toBe('upcoming');
    expect(deadlineState(deadline('c', '2025-03-22'), today)).toBe('upcoming');
    expect(deadlineState(deadline('d', '2025-03-23'), today)).toBe('later');
    expect(deadlineState(deadline('e', '2020-01-01', { done: true }), today)).toBe('done');
  });

  it('splits open deadlines into overdue and upcoming, each in date and time order', () => {
    const lists = classifyDeadlines(
      [
        deadline('upcoming late', '2025-03-01'),
        deadline('hearing 14:00', '2025-02-25', { time: '14:00' }),
        deadline('hearing 09:00', '2025-02-25', { time: '09:00' }),
        deadline('overdue recent', '2025-02-19'),
        deadline('overdue old', '2024-12-01'),
        deadline('done old', '2024-12-01', { done: true }),
        deadline('far away', '2025-06-01'),
      ],
      today,
    );
    expect(lists.overdue.map((d) => d.id)).toEqual(['overdue old', 'overdue recent']);
    expect(lists.upcoming.map((d) => d.id)).toEqual([
      'hearing 09:00',
      'hearing 14:00',
      'upcoming late',
    ]);
  });
});
