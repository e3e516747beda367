import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  disputesHref,
  parseDisputeFilters,
  serialiseDisputeFilters,
} from './dispute-filters';

describe('disputes list filters in the address', () => {
  it('reads every filter and the sort', () => {
    const filters = parseDisputeFilters(
      'status=open&forum=Beijing+IP+Court&country=CN&role=plaintiff&opened=2023&closed=2024&outcome=licence&q=%E5%B0%8F%E7%B1%B3&sort=title&dir=desc',
    );
    expect(filters).toEqual({
      q: '小米',
      status: 'open',
      forum: 'Beijing IP Court',
      country: 'CN',
      role: 'plaintiff',
      opened: '2023',
      closed: '2024',
      outcome: 'licence',
      sort: 'title',
      direction: 'descending',
    });
  });

  it('drops values it does not know instead of failing', () => {
    expect(
      parseDisputeFilters('status=won&role=king&opened=23&outcome=glory&sort=colour&dir=up'),
    ).toEqual(defaultFilters);
  });

  it('writes only what differs from the default, in one order, and reads it back', () => {
    expect(serialiseDisputeFilters(defaultFilters)).toBe('');
    expect(disputesHref()).toBe('/disputes');
    const filters = {
      ...defaultFilters,
      outcome: 'settled' as const,
      country: 'Germany & Austria',
      q: 'a "b", c',
      sort: 'patents' as const,
      direction: 'descending' as const,
    };
    const search = serialiseDisputeFilters(filters);
    expect(search).toBe(
      'q=a+%22b%22%2C+c&country=Germany+%26+Austria&outcome=settled&sort=patents',
    );
    expect(parseDisputeFilters(search)).toEqual(filters);
    expect(disputesHref({ status: 'active' })).toBe('/disputes?status=active');
  });

  it('keeps a sort that runs against its first direction', () => {
    const filters = { ...defaultFilters, sort: 'title' as const, direction: 'descending' as const };
    expect(serialiseDisputeFilters(filters)).toBe('sort=title&dir=desc');
    expect(parseDisputeFilters('sort=updatedAt&dir=asc').direction).toBe('ascending');
  });
});
