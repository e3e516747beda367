import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasefileDb } from '../casefile-db';
import { migrations, SCHEMA_VERSION } from './index';

/** A database as the app at schema version `version` wrote it. */
function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const migrate of migrations.slice(0, version)) migrate(db);
  return db;
}

describe('schema migrations', () => {
  it('declares every version once, in order', () => {
    const db = new CasefileDb('casefile-migrations-order');
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it.each(migrations.map((_, index) => index + 1))(
    'opens a database written by version %i - 1 under version %i',
    async (version) => {
      const name = `casefile-migration-${version}`;
      const previous = openAtVersion(name, version - 1);
      if (version > 1) {
        await previous.open();
        await previous.table('settings').put({ key: 'probe', value: version - 1 });
        previous.close();
      }
      const current = openAtVersion(name, version);
      await current.open();
      expect(current.verno).toBe(version);
      // What the previous version wrote is still there (version 1 starts from nothing).
      const expected = version > 1 ? { key: 'probe', value: version - 1 } : undefined;
      expect(await current.table('settings').get('probe')).toEqual(expected);
      current.close();
      await Dexie.delete(name);
    },
  );
  it('keeps version 1 disputes in version 2 and answers them through [status+updatedAt]', async () => {
    const name = 'casefile-migration-v2-disputes';
    const v1 = openAtVersion(name, 1);
    await v1.open();
    const rows = [
      { id: 'a', status: 'active', title: 'A', updatedAt: '2024-01-01T00:00:00.000Z', tags: [] },
      { id: 'b', status: 'settled', title: 'B', updatedAt: '2024-03-01T00:00:00.000Z', tags: [] },
      { id: 'c', status: 'active', title: 'C', updatedAt: '2024-02-01T00:00:00.000Z', tags: [] },
    ];
    await v1.table('disputes').bulkAdd(rows);
    v1.close();

    const v2 = openAtVersion(name, 2);
    await v2.open();
    expect(await v2.table('disputes').orderBy('id').toArray()).toEqual(rows);
    const active = await v2
      .table('disputes')
      .where('[status+updatedAt]')
      .between(['active', Dexie.minKey], ['active', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(active.map((row: { id: string }) => row.id)).toEqual(['c', 'a']);
    v2.close();
    await Dexie.delete(name);
  });

  it('opens a version 2 database under version 3 and answers open deadlines through openDue', async () => {
    const name = 'casefile-migration-v3-deadlines';
    const v2 = openAtVersion(name, 2);
    await v2.open();
    await v2.table('deadlines').bulkAdd([
      { id: 'open', disputeId: 'd', date: '2026-01-10', done: false, title: 'Open' },
      { id: 'done', disputeId: 'd', date: '2026-01-05', done: true, title: 'Done' },
      { id: 'late', disputeId: 'd', date: '2026-03-01', done: false, title: 'Later' },
    ]);
    v2.close();

    const v3 = new CasefileDb(name);
    await v3.open();
    expect(v3.verno).toBe(3);
    const due = await v3.deadlines.where('openDue').belowOrEqual('2026-02-01').primaryKeys();
    expect(due).toEqual(['open']);
    // The write path keeps the index: marking done removes it, reopening puts it back.
    await v3.deadlines.update('open', { done: true });
    await v3.deadlines.update('done', { done: false });
    expect(await v3.deadlines.where('openDue').belowOrEqual('2026-02-01').primaryKeys()).toEqual([
      'done',
    ]);
    // Every write to a searched table left an outbox entry for the search index.
    const entries = (await v3.searchOutbox.toArray()).map((e) => `${e.table}:${e.key}`);
    expect(entries.slice(-2)).toEqual(['deadlines:open', 'deadlines:done']);
    v3.close();
    await Dexie.delete(name);
  });
});
