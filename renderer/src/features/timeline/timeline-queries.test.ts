import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { documentRecord, openTestDb } from '../../db/testing/test-db';
import { createDispute } from '../../db/repos/dispute-repo';
import { buildTimeline } from './timeline';
import { loadTimelineSources } from './timeline-queries';

describe("the timeline's read", () => {
  it('reads a busy dispute’s documents a page at a time, every one once, and hears a change to the last', async () => {
    const db = openTestDb();
    // How many documents each request answered: a request's answer is handled in one task of
    // the window, however many it holds.
    const answered: number[] = [];
    db.use({
      stack: 'dbcore',
      name: 'documents-answered',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'documents') return table;
          return {
            ...table,
            query: async (request) => {
              const response = await table.query(request);
              answered.push(response.result.length);
              return response;
            },
          };
        },
      }),
    });
    const { id } = await createDispute(db, {
      title: 'Acme v. Widget',
      ourRole: 'plaintiff',
      status: 'active',
    });
    // Past one page (2,000), and another dispute's documents beside them.
    const mine = Array.from({ length: 4_100 }, (_, i) =>
      documentRecord({ id: `doc-${String(i).padStart(5, '0')}`, disputeId: id, filedOn: '2024' }),
    );
    await db.documents.bulkAdd([
      ...mine,
      ...Array.from({ length: 50 }, (_, i) => documentRecord({ id: `other-${i}`, disputeId: 'x' })),
    ]);

    answered.length = 0;
    const sources = await loadTimelineSources(db, id);
    expect(sources?.documents.map((d) => d.id)).toEqual(mine.map((d) => d.id));
    expect(answered.reduce((sum, n) => sum + n, 0)).toBe(mine.length);
    expect(Math.max(...answered)).toBeLessThanOrEqual(2_000);

    const seen: string[] = [];
    const subscription = liveQuery(async () => {
      const read = await loadTimelineSources(db, id);
      return read && buildTimeline(read);
    }).subscribe((timeline) => {
      const last = timeline?.dated.find((entry) => entry.itemId === mine.at(-1)!.id);
      seen.push(last?.title ?? '');
    });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toBe(mine.at(-1)!.title);
    await db.documents.update(mine.at(-1)!.id, { title: 'Renamed last filing' });
    await expect.poll(() => seen.at(-1)).toBe('Renamed last filing');
    subscription.unsubscribe();
    db.close();
  });
});
