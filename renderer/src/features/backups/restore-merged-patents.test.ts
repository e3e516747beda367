import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PATENT_MERGE_REPORT_KEY } from '../../../../shared/archive/merge-patents';
import { writeArchive } from '../../../../shared/archive/write-archive';
import type { BackupWritten } from '../../../../shared/backups';
import type { CasefileDb } from '../../db/casefile-db';
import { openTestDb } from '../../db/testing/test-db';
import { restoreDatabase, type BackupSink } from './backup-engine';

const older = '2024-01-05T10:00:00.000Z';
const newer = '2024-06-01T10:00:00.000Z';

/** A patent as schema version 2 stored it: no number key, jurisdiction free text. */
const oldPatent = (id: string, createdAt: string, fields: Record<string, unknown>) => ({
  id,
  number: '',
  jurisdiction: 'EP',
  title: '',
  ownerId: null,
  technology: '',
  family: '',
  expiresOn: '',
  sep: false,
  createdAt,
  updatedAt: createdAt,
  ...fields,
});

const assertion = (id: string, patentId: string, disputeId: string) => ({
  id,
  disputeId,
  proceedingId: `${disputeId}-q`,
  patentId,
  claims: '1',
  status: 'asserted',
  notes: '',
  createdAt: older,
  updatedAt: older,
});

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/** A whole-database backup written by schema version 2 holding one patent twice. */
async function version2Backup(): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(
    {
      kind: 'backup',
      schemaVersion: 2,
      appVersion: '0.1.0',
      createdAt: newer,
      tables: [
        {
          name: 'patents',
          rows: () =>
            once([
              oldPatent('p-new', newer, {
                number: 'EP1234567',
                title: 'Autofocus',
                technology: 'Camera',
                sep: true,
              }),
              oldPatent('p-old', older, { number: 'EP 1 234 567 B1', title: 'Lens drive' }),
              oldPatent('p-other', older, { number: 'EP 2 000 001' }),
            ]),
        },
        {
          name: 'assertions',
          rows: () =>
            once([
              assertion('a1', 'p-old', 'd1'),
              assertion('a2', 'p-new', 'd2'),
              assertion('a3', 'p-other', 'd2'),
            ]),
        },
        { name: 'audit', rows: () => once([]) },
      ],
      files: async function* files() {},
    },
    async (chunk) => {
      chunks.push(chunk.slice());
    },
  );
  return new Blob(chunks as BlobPart[]);
}

/** A host that accepts the safety backup taken before the restore and keeps nothing. */
const sink: BackupSink = {
  async beginBackup() {
    return { token: '0'.repeat(36), name: 'before-restore.zip' };
  },
  async appendBackup() {},
  async commitBackup(): Promise<BackupWritten> {
    return { name: 'before-restore.zip', path: 'before-restore.zip', size: 0, removed: [] };
  },
  async abortBackup() {},
};

describe('restoring a backup written before patent numbers were unique', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('merges two records of one patent as the version 5 upgrade does, and says so', async () => {
    const { read } = await restoreDatabase(db, await version2Backup(), sink, {
      retention: { keepDaily: 14, keepWeekly: 8 },
      appVersion: '0.1.0',
    });

    const patents = await db.patents.orderBy('id').toArray();
    expect(patents.map((p) => [p.id, p.numberKey])).toEqual([
      ['p-old', 'EP1234567'],
      ['p-other', 'EP2000001'],
    ]);
    // The older record is kept; its empty fields take the other's, its own values win.
    const kept = patents[0]!;
    expect([kept.title, kept.technology, kept.sep]).toEqual(['Lens drive', 'Camera', true]);
    // Both assertions now belong to the kept record; none is lost.
    const assertions = await db.assertions.orderBy('id').toArray();
    expect(assertions.map((a) => [a.id, a.patentId])).toEqual([
      ['a1', 'p-old'],
      ['a2', 'p-old'],
      ['a3', 'p-other'],
    ]);

    const conflicts = ['title: kept “Lens drive”, not “Autofocus”'];
    expect(read!.mergedPatents).toEqual([
      { keptId: 'p-old', mergedId: 'p-new', number: 'EP 1 234 567 B1', conflicts },
    ]);
    // The person is told on the Patents page (the upgrade's report) and in the audit log.
    const report = (await db.settings.get(PATENT_MERGE_REPORT_KEY))?.value as {
      mergedPatents: unknown[];
    };
    expect(report.mergedPatents).toEqual(read!.mergedPatents);
    const audit = await db.audit.where('[entity+entityId]').equals(['patent', 'p-old']).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('title: kept “Lens drive”, not “Autofocus”');
    expect(audit[0]!.changes).toContainEqual({ field: 'mergedPatentId', old: null, new: 'p-new' });
  });
});
