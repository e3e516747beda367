import { describe, expect, it } from 'vitest';
import { exhibitLabel, moved, numberExhibits } from './exhibits';

describe('exhibit numbering', () => {
  it('numbers exhibits in order from the start, with the prefix and three digits', () => {
    const documents = [
      { title: 'Reply', exhibitOrder: 2 },
      { title: 'Not an exhibit' },
      { title: 'Complaint', exhibitOrder: 1 },
      { title: 'Expert report', exhibitOrder: 7 },
    ];
    expect(
      numberExhibits(documents, { prefix: 'CX-', start: 1 }).map((e) => [
        e.label,
        e.document.title,
      ]),
    ).toEqual([
      ['CX-001', 'Complaint'],
      ['CX-002', 'Reply'],
      ['CX-003', 'Expert report'],
    ]);
    expect(exhibitLabel({ prefix: 'RX', start: 1000 }, 2)).toBe('RX1002');
  });

  it('moves an exhibit up or down, within the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });
});
