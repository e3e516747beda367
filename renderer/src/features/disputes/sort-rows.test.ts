import { describe, expect, it } from 'vitest';
import { sortKeys, type SortDirection, type SortKey } from './dispute-filters';
import { sortRows, type ListRow } from './dispute-queries';

/** The order the list promises: the column, then the title, then the id, both ascending. */
function reference(rows: ListRow[], sort: SortKey, direction: SortDirection): string[] {
  const factor = direction === 'ascending' ? 1 : -1;
  const compare = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows]
    .sort(
      (a, b) =>
        compare(a.keys[sort], b.keys[sort]) * factor ||
        compare(a.keys.title, b.keys.title) ||
        compare(a.dispute.id, b.dispute.id),
    )
    .map((row) => row.dispute.id);
}

/** Rows with only what sorting reads; few distinct values, so ties are common. */
function makeRows(count: number): ListRow[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const word = (n: number) => ['', 'acme', 'acme v. zeta', 'zeta', '华为', 'b'][next(n)]!;
  return Array.from(
    { length: count },
    (_, i) =>
      ({
        dispute: { id: `d${next(1000)}-${i}` },
        keys: {
          title: word(6),
          ourRole: word(3),
          counterparties: word(6),
          status: next(5),
          forums: word(4),
          patents: next(4),
          openedOn: `20${10 + next(3)}`,
          updatedAt: `2024-0${1 + next(3)}`,
        },
      }) as unknown as ListRow,
  );
}

describe('sortRows', () => {
  const sample = makeRows(500);

  it.each(sortKeys)('orders by %s like the column-title-id comparison, both ways', (column) => {
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = sortRows(sample, column, direction);
      expect(sorted.map((row) => row.dispute.id)).toEqual(reference(sample, column, direction));
      expect(new Set(sorted)).toEqual(new Set(sample));
    }
  });

  it('sorts an empty list and a single row', () => {
    expect(sortRows([], 'title', 'ascending')).toEqual([]);
    const one = makeRows(1);
    expect(sortRows(one, 'patents', 'descending')).toEqual(one);
  });
});
