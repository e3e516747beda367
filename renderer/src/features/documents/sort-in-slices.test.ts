import { describe, expect, it } from 'vitest';
import { sortInSlices } from './sort-in-slices';

/** A small deterministic generator, so a failure can be replayed. */
function numbers(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % 1_000;
  });
}

describe('sortInSlices', () => {
  it('orders as the engine’s sort does, keeping equal elements in their order', async () => {
    for (const count of [0, 1, 2, 3, 31, 32, 33, 1_000, 4_097]) {
      const items = numbers(count, count + 7).map((value, index) => ({ value, index }));
      const compare = (a: { value: number }, b: { value: number }) => a.value - b.value;
      expect(await sortInSlices(items, compare)).toEqual(items.slice().sort(compare));
    }
  });

  it('leaves the list it is given as it was', async () => {
    const items = [3, 1, 2];
    await sortInSlices(items, (a, b) => a - b);
    expect(items).toEqual([3, 1, 2]);
  });

  it('gives the window back between slices and still finishes in order', async () => {
    const items = numbers(4_000, 3);
    let timersRun = 0;
    const counting = setInterval(() => (timersRun += 1), 0);
    // A slow comparison and no time per slice: every look at the clock ends a slice.
    const slow = (a: number, b: number) => {
      for (let i = 0; i < 50; i += 1) Math.sqrt(i);
      return a - b;
    };
    const sorted = await sortInSlices(items, slow, { sliceMs: 0 });
    clearInterval(counting);
    expect(sorted).toEqual(items.slice().sort((a, b) => a - b));
    expect(timersRun).toBeGreaterThan(0);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const sorting = sortInSlices(numbers(20_000, 5), (a, b) => a - b, {
      sliceMs: 0,
      signal: controller.signal,
    });
    controller.abort(new Error('The order is no longer wanted'));
    await expect(sorting).rejects.toThrow('The order is no longer wanted');
  });
});
