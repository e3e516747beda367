import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

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
});
