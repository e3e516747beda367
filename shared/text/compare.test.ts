import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from './compare';

describe('compareCodeUnits', () => {
  it('orders ISO dates, partial ones first, and keys as text', () => {
    expect(['2024-06-05', '2024', '2023-12-31', '2024-06'].sort(compareCodeUnits)).toEqual([
      '2023-12-31',
      '2024',
      '2024-06',
      '2024-06-05',
    ]);
    expect(['b', 'B', 'a', 'a'].sort(compareCodeUnits)).toEqual(['B', 'a', 'a', 'b']);
    expect(compareCodeUnits('same', 'same')).toBe(0);
  });
});
