import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasefileDb } from '../casefile-db';
import { PREVIOUS_VERSION, UPGRADE_REPORT_KEY, type UpgradeReport } from './0005-patent-number-key';
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

  it('gives version 5 patents their number key, merging two records of one patent', async () => {
    const name = 'casefile-migration-v5-patents';
    const old = openAtVersion(name, PREVIOUS_VERSION);
    await old.open();
    const base = {
      title: '',
      ownerId: null,
      technology: '',
      family: '',
      expiresOn: '',
      sep: false,
    };
    const at = (day: number) => `2024-01-0${day}T00:00:00.000Z`;
    await old.table('patents').bulkAdd([
      {
        ...base,
        id: 'p1',
        number: 'US 10,123,456 B2',
        jurisdiction: 'US',
        title: 'Lens',
        createdAt: at(1),
        updatedAt: at(1),
      },
      {
        ...base,
        id: 'p2',
        number: '10123456',
        jurisdiction: 'United States',
        technology: 'Camera',
        sep: true,
        createdAt: at(2),
        updatedAt: at(2),
      },
      {
        ...base,
        id: 'p3',
        number: '',
        jurisdiction: '',
        title: 'Screen lock',
        createdAt: at(3),
        updatedAt: at(3),
      },
      {
        ...base,
        id: 'p4',
        number: '',
        jurisdiction: '',
        title: 'Photography',
        createdAt: at(4),
        updatedAt: at(4),
      },
      {
        ...base,
        id: 'p5',
        number: 'EP-FICTION-0001',
        jurisdiction: 'Narnia',
        createdAt: at(5),
        updatedAt: at(5),
      },
    ]);
    await old.table('assertions').bulkAdd([
      {
        id: 'a1',
        disputeId: 'd',
        proceedingId: 'x',
        patentId: 'p1',
        claims: '1',
        status: 'asserted',
        notes: '',
      },
      {
        id: 'a2',
        disputeId: 'e',
        proceedingId: 'y',
        patentId: 'p2',
        claims: '2',
        status: 'asserted',
        notes: '',
      },
    ]);
    await old.table('organisations').add({
      id: 'o1',
      name: 'Xiaomi Corporation',
      nameKey: 'xiaomi corporation',
      country: '',
      notes: '',
      createdAt: at(1),
      updatedAt: at(1),
    });
    old.close();

    const db = new CasefileDb(name);
    await db.open();
    const patents = await db.patents.orderBy('id').toArray();
    expect(patents.map((p) => [p.id, p.number, p.jurisdiction, p.numberKey])).toEqual([
      ['p1', 'US 10,123,456 B2', 'US', 'US10123456'],
      ['p3', '', '', null],
      ['p4', '', '', null],
      ['p5', 'EP-FICTION-0001', 'Narnia', '~NARNIA:EPFICTION0001'],
    ]);
    // The second record's values fill the kept one's gaps; its assertion moved over.
    expect(patents[0]).toMatchObject({ title: 'Lens', technology: 'Camera', sep: true });
    const moved = await db.assertions.get('a2');
    expect(moved?.patentId).toBe('p1');
    const report = (await db.settings.get(UPGRADE_REPORT_KEY))?.value as UpgradeReport;
    expect(report.mergedPatents).toEqual([
      { keptId: 'p1', mergedId: 'p2', number: 'US 10,123,456 B2', conflicts: [] },
    ]);
    expect(report.unknownJurisdictions).toEqual([{ patentId: 'p5', jurisdiction: 'Narnia' }]);
    const audit = await db.audit.where('[entity+entityId]').equals(['patent', 'p1']).toArray();
    expect(audit[0]?.summary).toMatch(/Merged a second record of patent “US 10,123,456 B2”/);
    // The unique key now refuses a second record of the same patent.
    await expect(
      db.patents.add({ ...patents[0]!, id: 'p9', number: 'US10123456' }),
    ).rejects.toThrow(/ConstraintError|[Uu]nique/);
    const org = await db.organisations.get('o1');
    expect(org).toMatchObject({ aliases: [], matchKeys: ['xiaomi'] });
    expect(await db.organisations.where('matchKeys').equals('xiaomi').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });

  it('keeps version 7 notes in version 8 and answers those with an amount through notes.amount', async () => {
    const name = 'casefile-migration-v8-notes';
    const v7 = openAtVersion(name, 7);
    await v7.open();
    const note = (id: string, amount: number | null) => ({
      id,
      disputeId: 'd',
      date: '2024-05',
      amount,
      currency: amount === null ? '' : 'USD',
      recordsResolution: amount !== null,
    });
    const rows = [note('a', 1_000_000), note('b', null), note('c', 0), note('d', null)];
    await v7.table('notes').bulkAdd(rows);
    v7.close();

    const v8 = openAtVersion(name, 8);
    await v8.open();
    expect(await v8.table('notes').orderBy('id').toArray()).toEqual(rows);
    // Notes without an amount are not in the index at all: the dashboard never reads them.
    const withAmount = await v8.table('notes').where('amount').aboveOrEqual(0).toArray();
    expect(withAmount.map((n: { id: string }) => n.id).sort()).toEqual(['a', 'c']);
    v8.close();
    await Dexie.delete(name);
  });
});
