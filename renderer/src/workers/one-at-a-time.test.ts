import { describe, expect, it } from 'vitest';
import { oneAtATime, onePassAtATime } from './one-at-a-time';

describe('jobs one at a time', () => {
  it('runs jobs in order, one after the other, and a failed job fails alone', async () => {
    const log: string[] = [];
    const run = oneAtATime(async (name: string) => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (name === 'bad') throw new Error('close() threw');
      log.push(`end ${name}`);
      return name.toUpperCase();
    });
    const results = await Promise.allSettled([run('a'), run('bad'), run('c')]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason.message))).toEqual([
      'A',
      'close() threw',
      'C',
    ]);
    expect(log).toEqual(['start a', 'end a', 'start bad', 'start c', 'end c']);
  });

  it('runs one pass at a time, and one more pass when asked during a pass', async () => {
    let passes = 0;
    let release: () => void = () => {};
    const run = onePassAtATime(async () => {
      passes += 1;
      if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = run();
    const second = run();
    const third = run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    // Three asks during one pass: exactly one more pass, not two in parallel.
    expect(passes).toBe(2);
    await run();
    expect(passes).toBe(3);
  });
});
