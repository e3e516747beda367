import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasefileDb } from '../casefile-db';
import { PREVIOUS_VERSION, TRASH_VERSION } from './0004-trash';
import { declaredVersion, migrations, SCHEMA_VERSION } from './index';

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
      expect(current.verno).toBe(declaredVersion(migrations.slice(0, version)));
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

  it('keeps every record of version 2 in version 4 and starts with an empty trash', async () => {
    const name = 'casefile-migration-v4-trash';
    const previous = new Dexie(name);
    const upTo = migrations.findIndex(
      (_, i) => declaredVersion(migrations.slice(0, i + 1)) === PREVIOUS_VERSION,
    );
    for (const migrate of migrations.slice(0, upTo + 1)) migrate(previous);
    await previous.open();
    expect(previous.verno).toBe(PREVIOUS_VERSION);
    const row = {
      id: 'a',
      status: 'active',
      title: 'A',
      updatedAt: '2024-01-01T00:00:00.000Z',
      tags: [],
    };
    await previous.table('disputes').add(row);
    previous.close();

    const current = new CasefileDb(name);
    await current.open();
    expect(current.verno).toBe(TRASH_VERSION);
    expect(await current.disputes.toArray()).toEqual([row]);
    expect(await current.trash.count()).toBe(0);
    await current.trash.add({
      id: 't',
      deletedAt: '2024-01-02T00:00:00.000Z',
      entity: 'note',
      entityId: 'n',
      disputeId: 'a',
      summary: 'Deleted note',
      records: { notes: [] },
      sha256s: ['f'.repeat(64)],
    });
    expect(await current.trash.where('sha256s').equals('f'.repeat(64)).count()).toBe(1);
    current.close();
    await Dexie.delete(name);
  });
});
