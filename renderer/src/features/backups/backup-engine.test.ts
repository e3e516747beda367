import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../shared/archive/archive-error';
import { unzipSync } from 'fflate';
import {
  WRONG_PASSPHRASE_MESSAGE,
  decryptArchive,
  readEncryptionHeader,
} from '../../../../shared/archive/encryption';
import { readArchive } from '../../../../shared/archive/read-archive';
import { CURRENT_SCHEMA_VERSION, archiveTableNames } from '../../../../shared/archive/tables';
import type { BackupReason, BackupWritten } from '../../../../shared/backups';
import type { CasefileDb } from '../../db/casefile-db';
import { SCHEMA_VERSION } from '../../db/migrations';
import { attachDocument } from '../../db/repos/document-repo';
import { createNote } from '../../db/repos/note-repo';
import { openTestDb } from '../../db/testing/test-db';
import { loadSampleCaseFile } from '../sample/load-sample';
import { backUpDatabase, restoreDatabase, type BackupSink } from './backup-engine';

const retention = { keepDaily: 14, keepWeekly: 8 };

/** A host that keeps committed backups in memory, as the main process keeps them on disk. */
function memoryHost() {
  const open = new Map<string, { name: string; chunks: Uint8Array[] }>();
  const committed = new Map<string, Blob>();
  let counter = 0;
  const sink: BackupSink = {
    async beginBackup({ reason }: { reason: BackupReason }) {
      counter += 1;
      const token = `${counter}`.padStart(36, '0');
      open.set(token, { name: `backup-${counter}-${reason}.zip`, chunks: [] });
      return { token, name: `backup-${counter}-${reason}.zip` };
    },
    async appendBackup({ token, bytes }) {
      open.get(token)?.chunks.push(bytes.slice());
    },
    async commitBackup({ token }): Promise<BackupWritten> {
      const backup = open.get(token);
      if (!backup) throw new Error('not open');
      open.delete(token);
      const blob = new Blob(backup.chunks as BlobPart[]);
      committed.set(backup.name, blob);
      return { name: backup.name, path: backup.name, size: blob.size, removed: [] };
    },
    async abortBackup({ token }) {
      open.delete(token);
    },
  };
  return { sink, committed, open };
}

/** Every table, with each stored file's Blob replaced by the SHA-256 of its bytes. */
async function contents(db: CasefileDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of archiveTableNames) {
    const rows = await db.table(name).toArray();
    result[name] =
      name === 'files'
        ? await Promise.all(
            rows.map(async ({ blob, ...row }: { blob: Blob }) => ({
              ...row,
              bytesSha256: createHash('sha256')
                .update(new Uint8Array(await blob.arrayBuffer()))
                .digest('hex'),
            })),
          )
        : rows;
  }
  return result;
}

async function fill(db: CasefileDb): Promise<void> {
  const { disputeIds } = await loadSampleCaseFile(db);
  const disputeId = disputeIds[0]!;
  await createNote(db, {
    disputeId,
    date: '2024-06-03',
    kind: 'offer',
    amount: '2,500,000',
    currency: 'usd',
    body: 'Lump sum, **worldwide**',
  });
  const bytes = new TextEncoder().encode('A memo that is not a PDF.\n'.repeat(1000));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await attachDocument(
    db,
    { disputeId, title: 'Internal memo', filedOn: '2024-06' },
    {
      blob: new Blob([bytes], { type: 'text/plain' }),
      fileName: 'memo.txt',
      mimeType: 'text/plain',
      sha256,
    },
  );
  // Where OCR found a page's words: a restore must not have to read the scan again.
  await db.ocrLayouts.put({
    sha256,
    page: 1,
    width: 2480,
    height: 3508,
    words: ['Lump', 'sum'],
    lines: [0],
    boxes: [100, 200, 180, 230, 190, 200, 250, 230],
  });
  await db.settings.put({ key: 'probe', value: { nested: ['a', 1, null] } });
}

// The sample renders real PDFs; on a busy machine that alone can take seconds.
describe('backing up and restoring the whole database', { timeout: 60_000 }, () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('writes the schema version the database is at', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  it('restores every table deep-equal and every file byte for byte after a wipe', async () => {
    await fill(db);
    const before = await contents(db);
    expect(before.documents!.length).toBeGreaterThan(1);
    expect(before.files!.length).toBeGreaterThan(1);
    expect(before.notes!.length).toBeGreaterThan(0);
    expect(before.audit!.length).toBeGreaterThan(0);
    expect(before.ocrLayouts).toHaveLength(1);
    for (const row of before.files as { sha256: string; bytesSha256: string }[]) {
      expect(row.bytesSha256).toBe(row.sha256);
    }

    const host = memoryHost();
    const written = await backUpDatabase(db, host.sink, {
      reason: 'manual',
      retention,
      appVersion: '0.1.0',
    });
    const archive = host.committed.get(written.name)!;
    const manifest = (await readArchive(archive)).manifest;
    expect(manifest.counts.documents).toBe(before.documents!.length);
    expect(manifest.schemaVersion).toBe(SCHEMA_VERSION);

    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    expect((await contents(db)).disputes).toEqual([]);

    await restoreDatabase(db, archive, host.sink, { retention, appVersion: '0.1.0' });
    expect(await contents(db)).toEqual(before);
    // The database as it was just before the restore (empty) was backed up first.
    expect([...host.committed.keys()]).toEqual([written.name, 'backup-2-before-restore.zip']);
  });

  it('leaves the database exactly as it was when the archive is bad', async () => {
    await fill(db);
    const host = memoryHost();
    const written = await backUpDatabase(db, host.sink, {
      reason: 'manual',
      retention,
      appVersion: '0.1.0',
    });
    await db.settings.put({ key: 'changed-after-backup', value: true });
    const before = await contents(db);
    const archive = host.committed.get(written.name)!;
    // Flip one byte inside the stored file data, well before the zip's directory.
    const bytes = new Uint8Array(await archive.arrayBuffer());
    bytes[Math.floor(bytes.byteLength / 2)]! ^= 0xff;
    const error = await restoreDatabase(db, new Blob([bytes]), host.sink, {
      retention,
      appVersion: '0.1.0',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(/Nothing was changed/);
    expect(await contents(db)).toEqual(before);
    // No safety backup is made for an archive that was refused.
    expect(host.committed.size).toBe(1);
  });

  it('aborts a backup whose host write fails, committing nothing', async () => {
    await fill(db);
    const host = memoryHost();
    const failing: BackupSink = {
      ...host.sink,
      async appendBackup() {
        throw new Error('The disk is full.');
      },
    };
    await expect(
      backUpDatabase(db, failing, { reason: 'manual', retention, appVersion: '0.1.0' }),
    ).rejects.toThrow('The disk is full.');
    expect(host.committed.size).toBe(0);
    expect(host.open.size).toBe(0);
  });

  it('writes an encrypted backup that restores only with its passphrase', async () => {
    await fill(db);
    const before = await contents(db);
    const host = memoryHost();
    // Small Argon2 parameters keep the test quick; the product uses STRONG_KDF.
    const encryption = {
      passphrase: 'orange kettle under moonlight',
      kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 },
    };
    const written = await backUpDatabase(db, host.sink, {
      reason: 'manual',
      retention,
      appVersion: '0.1.0',
      encryption,
    });
    const archive = host.committed.get(written.name)!;
    const zipped = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    expect(
      Object.keys(zipped).every((name) => /^(casefile-encryption\.json|e\/\d{6})$/.test(name)),
    ).toBe(true);
    const everything = Buffer.concat(Object.values(zipped)).toString('latin1');
    for (const secret of ['Huawei', 'Xiaomi', 'records/', 'manifest', 'A memo that is not']) {
      expect(everything).not.toContain(secret);
    }

    await db.settings.put({ key: 'changed-after-backup', value: true });
    const changed = await contents(db);
    const readWith = (passphrase: string) => async (file: Blob) =>
      readArchive(await decryptArchive(file, passphrase));
    await expect(
      restoreDatabase(db, archive, host.sink, {
        retention,
        appVersion: '0.1.0',
        encryption,
        read: readWith('not the passphrase'),
      }),
    ).rejects.toThrow(WRONG_PASSPHRASE_MESSAGE);
    expect(await contents(db)).toEqual(changed);
    expect(host.committed.size).toBe(1);

    const { safetyBackup } = await restoreDatabase(db, archive, host.sink, {
      retention,
      appVersion: '0.1.0',
      encryption,
      read: readWith(encryption.passphrase),
    });
    expect(await contents(db)).toEqual(before);
    // The safety backup of what was there is sealed as well.
    expect(await readEncryptionHeader(host.committed.get(safetyBackup.name)!)).not.toBeNull();
  });
});
