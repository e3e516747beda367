import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasefileDb } from '../casefile-db';
import { MIGRATION_VERSIONS, migrations, SCHEMA_VERSION } from './index';
import { OCR_JOBS_PREVIOUS_VERSION, OCR_JOBS_VERSION } from './0006-ocr-jobs';

/** A database as the app at schema version `version` wrote it. */
function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  const count = MIGRATION_VERSIONS.filter((declared) => declared <= version).length;
  for (const migrate of migrations.slice(0, count)) migrate(db);
  return db;
}

describe('schema migrations', () => {
  it('declares every version once, in order', () => {
    const db = new CasefileDb('casefile-migrations-order');
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it.each(MIGRATION_VERSIONS.map((version, index) => [index, version] as const))(
    'opens a database written by the version before entry %i under version %i',
    async (index, version) => {
      const name = `casefile-migration-${version}`;
      const before = MIGRATION_VERSIONS[index - 1] ?? 0;
      const previous = openAtVersion(name, before);
      if (index > 0) {
        await previous.open();
        await previous.table('settings').put({ key: 'probe', value: before });
        previous.close();
      }
      const current = openAtVersion(name, version);
      await current.open();
      expect(current.verno).toBe(version);
      // What the previous version wrote is still there (version 1 starts from nothing).
      const expected = index > 0 ? { key: 'probe', value: before } : undefined;
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

  it('keeps a version 2 database whole in version 6 and starts with no OCR jobs', async () => {
    const name = 'casefile-migration-v6-ocr';
    const previous = openAtVersion(name, OCR_JOBS_PREVIOUS_VERSION);
    await previous.open();
    const document = { id: 'd1', disputeId: 'x', sha256: 'a'.repeat(64), textStatus: 'scanned' };
    await previous.table('documents').add(document);
    await previous.table('documentTexts').add({ sha256: 'b'.repeat(64), pages: ['text'] });
    previous.close();

    const current = openAtVersion(name, OCR_JOBS_VERSION);
    await current.open();
    expect(await current.table('documents').get('d1')).toEqual(document);
    expect(await current.table('documentTexts').get('b'.repeat(64))).toEqual({
      sha256: 'b'.repeat(64),
      pages: ['text'],
    });
    expect(await current.table('ocrJobs').count()).toBe(0);
    await current.table('ocrJobs').add({ sha256: 'a'.repeat(64), state: 'queued' });
    expect(await current.table('ocrJobs').where('state').equals('queued').count()).toBe(1);
    await current.table('documents').add({ ...document, id: 'd2', emailId: 'd1' });
    expect(await current.table('documents').where('emailId').equals('d1').primaryKeys()).toEqual([
      'd2',
    ]);
    current.close();
    await Dexie.delete(name);
  });
});
