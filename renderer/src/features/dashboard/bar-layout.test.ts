import { describe, expect, it } from 'vitest';
import { barLayout, valueTicks } from './bar-layout';

describe('the light bar chart layout', () => {
  it('counts the value axis in round whole steps from 0 past the largest figure', () => {
    expect(valueTicks(0)).toEqual([0, 1, 2, 3, 4]);
    expect(valueTicks(1)).toEqual([0, 1, 2, 3, 4]);
    expect(valueTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks(10)).toEqual([0, 5, 10]);
    expect(valueTicks(9_400)).toEqual([0, 2_500, 5_000, 7_500, 10_000]);
    expect(valueTicks(1_234_567)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
  });

  it('sets series side by side in each category, leaving out zeros', () => {
    const { bars, ticks } = barLayout(
      [
        { year: '2023', opened: 3, closed: 0 },
        { year: '2024', opened: 1, closed: 2 },
      ],
      ['opened', 'closed'],
      false,
    );
    expect(ticks).toEqual([0, 1, 2, 3, 4]);
    expect(bars.map((b) => [b.row, b.series, b.from, b.to])).toEqual([
      [0, 'opened', 0, 3],
      [1, 'opened', 0, 1],
      [1, 'closed', 0, 2],
    ]);
    // Each category is half the width, 10% of it left free each side, split between two series.
    const [first, , second] = bars;
    expect(first!.left).toBeCloseTo(5 + 0.08 * 20);
    expect(first!.width).toBeCloseTo(20 * 0.84);
    expect(second!.left).toBeCloseTo(50 + 5 + 20 + 0.08 * 20);
    for (const bar of bars) {
      expect(bar.left).toBeGreaterThanOrEqual(50 * bar.row);
      expect(bar.left + bar.width).toBeLessThanOrEqual(50 * (bar.row + 1));
    }
  });

  it('stacks series in order, and the axis reaches the tallest stack', () => {
    const { bars, ticks } = barLayout(
      [{ year: '2024', settled: 4, licence: 3, dismissed: 2 }],
      ['settled', 'licence', 'dismissed'],
      true,
    );
    expect(bars.map((b) => [b.series, b.from, b.to])).toEqual([
      ['settled', 0, 4],
      ['licence', 4, 7],
      ['dismissed', 7, 9],
    ]);
    expect(bars.every((b) => b.left === 10 && b.width === 80)).toBe(true);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(9);
  });
});
