import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../../shared/archive/write-archive';
import type { CasefileDb } from '../db/casefile-db';
import { openTestDb } from '../db/testing/test-db';
import { backUpDatabase } from '../features/backups/backup-engine';
import { exportBundle } from '../features/bundles/export-bundle';
import { readBundle } from '../features/bundles/read-bundle';
import { fillDispute } from '../features/bundles/testing/bundle-fixture';
import { WRONG_PASSPHRASE_MESSAGE } from '../../../shared/archive/encryption';
import { ARCHIVE_PAGE, PASSPHRASE_NEEDED } from './archive-protocol';
import { createArchiveReader } from './archive-reader';
import { createArchiveService } from './archive-service';
import { inProcessWorker, type InProcessWorker } from './testing/in-process-worker';

const started: InProcessWorker[] = [];

function reader(handle = createArchiveService()) {
  return createArchiveReader(() => {
    const worker = inProcessWorker(handle);
    started.push(worker);
    return worker;
  });
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

const settingRows = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: i }));

/** A backup holding only settings (by default `count` of them, more than one page carries). */
async function backupOfSettings(
  count: number,
  rows: { key: string; value: number }[] = settingRows(count),
): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(
    {
      kind: 'backup',
      schemaVersion: 2,
      appVersion: 't',
      tables: [{ name: 'settings', rows: () => once(rows) }],
      files: async function* none() {},
    },
    async (chunk) => {
      chunks.push(chunk);
    },
  );
  return new Blob(chunks as BlobPart[]);
}

describe('the archive worker', () => {
  let source: CasefileDb;
  let bundle: Blob;

  beforeAll(async () => {
    source = openTestDb();
    const { dispute } = await fillDispute(source);
    bundle = (await exportBundle(source, dispute.id, { includePrivileged: true, appVersion: 't' }))
      .blob;
  });
  afterAll(async () => {
    for (const worker of started.splice(0)) worker.terminate();
    await source.delete();
  });

  it('opens a bundle off the thread exactly as reading it here would', async () => {
    const here = await readBundle(bundle);
    const there = await reader().openBundle(bundle);
    expect(there.manifest).toEqual({ ...here.manifest, entries: [] });
    expect(there.records).toEqual(here.records);
    expect([...there.files.keys()].sort()).toEqual([...here.files.keys()].sort());
    for (const [sha256, blob] of here.files) {
      expect(await there.files.get(sha256)!.text()).toBe(await blob.text());
    }
  });

  it('opens an encrypted bundle only with its passphrase, and refuses a wrong one', async () => {
    const { dispute } = await fillDispute(source);
    const options = { includePrivileged: true, appVersion: 't' };
    const sealed = await exportBundle(source, dispute.id, {
      ...options,
      passphrase: 'a long passphrase',
      kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 },
    });
    const plainBlob = (await exportBundle(source, dispute.id, options)).blob;
    const plain = await readBundle(plainBlob);
    expect(await reader().isEncrypted(sealed.blob)).toBe(true);
    expect(await reader().isEncrypted(plainBlob)).toBe(false);
    await expect(reader().isEncrypted(new Blob(['not a zip at all, long enough']))).rejects.toThrow(
      /not a Casefile archive/,
    );
    await expect(reader().openBundle(sealed.blob)).rejects.toThrow(PASSPHRASE_NEEDED);
    await expect(
      reader().openBundle(sealed.blob, { passphrase: 'not the passphrase' }),
    ).rejects.toThrow(WRONG_PASSPHRASE_MESSAGE);
    const opened = await reader().openBundle(sealed.blob, { passphrase: 'a long passphrase' });
    expect(opened.records).toEqual(plain.records);
    for (const [sha256, blob] of plain.files) {
      expect(await opened.files.get(sha256)!.text()).toBe(await blob.text());
    }
  });

  it('restores a backup read off the thread with every file whole and typed', async () => {
    const chunks: Uint8Array[] = [];
    await backUpDatabase(
      source,
      {
        beginBackup: async () => ({ token: 't', name: 'b.zip' }),
        appendBackup: async ({ bytes }) => {
          chunks.push(bytes.slice());
        },
        commitBackup: async () => ({ name: 'b.zip', path: 'b.zip', size: 0, removed: [] }),
        abortBackup: async () => undefined,
      },
      { reason: 'manual', retention: { keepDaily: 1, keepWeekly: 1 }, appVersion: 't' },
    );
    // The worker writes the backup through its own connection; nothing but progress crosses.
    const target = openTestDb();
    const opened = await reader().openBackup(new Blob(chunks as BlobPart[]), target.name);
    const progress: number[] = [];
    try {
      expect(await opened.replace(({ done }) => progress.push(done))).toEqual([]);
      opened.release();
      const before = await source.files.toArray();
      expect(before.length).toBeGreaterThan(0);
      for (const file of before) {
        const restored = await target.files.get(file.sha256);
        expect(restored!.blob.type).toBe(file.mimeType);
        expect(await restored!.blob.text()).toBe(await file.blob.text());
      }
    } finally {
      await target.delete();
    }
  });

  it('writes a backup of many rows whole, one transaction, saying how far it got', async () => {
    const count = ARCHIVE_PAGE * 2 + 7;
    const target = openTestDb();
    try {
      await target.settings.put({ key: 'there before', value: true });
      const opened = await reader().openBackup(await backupOfSettings(count), target.name);
      const progress: number[] = [];
      await opened.replace(({ done }) => progress.push(done));
      opened.release();
      expect(await target.settings.count()).toBe(count);
      expect(await target.settings.get(`k${count - 1}`)).toEqual({
        key: `k${count - 1}`,
        value: count - 1,
      });
      expect(await target.settings.get('there before')).toBeUndefined();
      expect(progress.length).toBeGreaterThan(0);
      expect(Math.max(...progress)).toBeLessThanOrEqual(count);
    } finally {
      await target.delete();
    }
  });

  it('leaves the database as it was when a write from the worker fails half way', async () => {
    const target = openTestDb();
    try {
      await target.settings.put({ key: 'there before', value: true });
      // Two rows with one key: the second add fails after the first batch was written.
      const rows = [...settingRows(2_500), { key: 'k0', value: -1 }];
      const opened = await reader().openBackup(await backupOfSettings(0, rows), target.name);
      await expect(opened.replace()).rejects.toThrow(/Key already exists|ConstraintError/);
      opened.release();
      expect(await target.settings.toArray()).toEqual([{ key: 'there before', value: true }]);
    } finally {
      await target.delete();
    }
  });

  it('passes the checks’ refusal on in the person’s words', async () => {
    await expect(reader().openBundle(new Blob(['not a zip at all, no']))).rejects.toThrow(
      'This file is not a Casefile archive (it is not a zip file). Nothing was changed.',
    );
    // Each kind offered as the other.
    await expect(reader().openBackup(bundle, 'never written')).rejects.toThrow('not a backup');
    await expect(reader().openBundle(await backupOfSettings(1))).rejects.toThrow(
      'not a case bundle',
    );
  });

  it('refuses with a message when the worker dies, and serves the next request', async () => {
    const service = createArchiveService();
    let crash = true;
    const archives = reader((request, context) => {
      if (crash && request.kind === 'open') {
        crash = false;
        queueMicrotask(() => started.at(-1)!.crash());
        return new Promise(() => {});
      }
      return service(request, context);
    });
    await expect(archives.openBundle(bundle)).rejects.toThrow(
      'The archive checker stopped unexpectedly. Nothing was changed.',
    );
    await expect(archives.openBundle(bundle)).resolves.toMatchObject({
      manifest: { kind: 'bundle' },
    });
  });
});
