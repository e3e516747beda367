import { describe, expect, it } from 'vitest';
import { formatPartialDate, isFullDate, isPartialDate, parsePartialDate } from './partial-date';

describe('partial dates', () => {
  it('reads a date at the precision it is known', () => {
    expect(parsePartialDate('2023')).toEqual({ year: 2023, precision: 'year' });
    expect(parsePartialDate('2023-03')).toEqual({ year: 2023, month: 3, precision: 'month' });
    expect(parsePartialDate('2023-03-15')).toEqual({
      year: 2023,
      month: 3,
      day: 15,
      precision: 'day',
    });
  });

  it('refuses dates that do not exist', () => {
    expect(isPartialDate('2023-02-29')).toBe(false);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('2023-13')).toBe(false);
    expect(isPartialDate('March 2023')).toBe(false);
    expect(isFullDate('2023-03')).toBe(false);
  });

  it('shows a date in words, as precise as it is known', () => {
    expect(formatPartialDate('2023')).toBe('2023');
    expect(formatPartialDate('2023-03')).toBe('March 2023');
    expect(formatPartialDate('2023-03-15')).toBe('15 March 2023');
    expect(formatPartialDate('')).toBe('');
  });
});
