import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseBackup } from '../../../shared/archive/backup-summary';
import { backupFileName } from '../../../shared/backups';
import { writeArchive } from '../../../shared/archive/write-archive';
import type { CasefileDb } from '../db/casefile-db';
import { openTestDb } from '../db/testing/test-db';
import { backUpDatabase } from '../features/backups/backup-engine';
import { exportBundle } from '../features/bundles/export-bundle';
import { bundleTables, type BundleRecords } from '../features/bundles/bundle-content';
import { importBundle, planUpdate } from '../features/bundles/import-bundle';
import { readBundle } from '../features/bundles/read-bundle';
import { fileOf, fillDispute } from '../features/bundles/testing/bundle-fixture';
import { attachDocument } from '../db/repos/document-repo';
import { WRONG_PASSPHRASE_MESSAGE } from '../../../shared/archive/encryption';
import { PASSPHRASE_NEEDED } from './archive-protocol';
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

/** A bundle of exactly these records and files (the checks a reader makes are the reader's). */
async function bundleOf(records: BundleRecords, files: ReadonlyMap<string, Blob>): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(
    {
      kind: 'bundle',
      schemaVersion: 2,
      appVersion: 't',
      extra: { disputeId: records.disputes[0]!.id, title: records.disputes[0]!.title },
      tables: bundleTables.map((name) => ({ name, rows: () => once(records[name] as object[]) })),
      files: async function* sources() {
        for (const [sha256, blob] of files) {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          yield { sha256, size: bytes.byteLength, read: () => once(bytes) };
        }
      },
    },
    async (chunk) => {
      chunks.push(chunk);
    },
  );
  return new Blob(chunks as BlobPart[]);
}

/** Every table's rows (a stored file as its hash and bytes), to compare a database with itself. */
async function everything(db: CasefileDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    dump[table.name] =
      table.name === 'files'
        ? await Promise.all(
            rows.map(async (row) => ({ ...row, blob: await (row.blob as Blob).text() })),
          )
        : rows;
  }
  return dump;
}

/** The bundle tables' rows, each table sorted by key: what two imports of one bundle share. */
async function bundleRows(db: CasefileDb) {
  const rows: Record<string, unknown[]> = {};
  for (const name of bundleTables) {
    rows[name] = (await db.table(name).toArray())
      .map((row: Record<string, unknown>) =>
        name === 'files' ? { ...row, blob: undefined } : { ...row, updatedAt: undefined },
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return rows;
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

  it('imports a bundle off the thread exactly as importing it here would', async () => {
    const here = openTestDb();
    const there = openTestDb();
    try {
      await importBundle(here, await readBundle(bundle));
      const opened = await reader().openBundle(bundle, there.name);
      expect(opened.manifest).toEqual({ ...(await readBundle(bundle)).manifest, entries: [] });
      expect(opened).toMatchObject({ alreadyOnFile: false, plan: null });
      const progress: number[] = [];
      const result = await opened.import(undefined, {
        onProgress: ({ done }) => progress.push(done),
      });
      opened.release();
      expect(result).toMatchObject({ mode: 'new', title: 'Orion v. Nimbus', repairs: [] });
      expect(await bundleRows(there)).toEqual(await bundleRows(here));
      for (const file of await here.files.toArray()) {
        expect(await (await there.files.get(file.sha256))!.blob.text()).toBe(
          await file.blob.text(),
        );
      }
      // Written through the worker's own connection, with the write path's middlewares.
      expect(await there.searchOutbox.count()).toBeGreaterThan(0);
      expect(await there.audit.count()).toBe(1);
      expect(await there.disputeFactsDirty.count()).toBeGreaterThan(0);
    } finally {
      await here.delete();
      await there.delete();
    }
  });

  it('says beforehand what an update from a bundle would do, and does it', async () => {
    const target = openTestDb();
    try {
      await importBundle(target, await readBundle(bundle));
      const [note] = await target.notes.toArray();
      await target.notes.update(note!.id, { body: 'Changed here since.' });
      const opened = await reader().openBundle(bundle, target.name);
      expect(opened.alreadyOnFile).toBe(true);
      expect(opened.plan).toEqual(await planUpdate(target, await readBundle(bundle)));
      expect(opened.plan!.notes.changed).toBe(1);
      await expect(opened.import()).rejects.toThrow('is already in your case files');
      expect(await opened.import('update')).toMatchObject({ mode: 'update' });
      opened.release();
      expect((await target.notes.get(note!.id))!.body).toBe(note!.body);
    } finally {
      await target.delete();
    }
  });

  it('imports an encrypted bundle only with its passphrase, and refuses a wrong one', async () => {
    const { dispute } = await fillDispute(source);
    const options = { includePrivileged: true, appVersion: 't' };
    const sealed = await exportBundle(source, dispute.id, {
      ...options,
      passphrase: 'a long passphrase',
      kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 },
    });
    const plainBlob = (await exportBundle(source, dispute.id, options)).blob;
    expect(await reader().isEncrypted(sealed.blob)).toBe(true);
    expect(await reader().isEncrypted(plainBlob)).toBe(false);
    await expect(reader().isEncrypted(new Blob(['not a zip at all, long enough']))).rejects.toThrow(
      /not a Casefile archive/,
    );
    const target = openTestDb();
    try {
      await expect(reader().openBundle(sealed.blob, target.name)).rejects.toThrow(
        PASSPHRASE_NEEDED,
      );
      await expect(
        reader().openBundle(sealed.blob, target.name, { passphrase: 'not the passphrase' }),
      ).rejects.toThrow(WRONG_PASSPHRASE_MESSAGE);
      const opened = await reader().openBundle(sealed.blob, target.name, {
        passphrase: 'a long passphrase',
      });
      await opened.import();
      opened.release();
      const plain = await readBundle(plainBlob);
      expect(await target.documents.count()).toBe(plain.records.documents.length);
      for (const [sha256, blob] of plain.files) {
        expect(await (await target.files.get(sha256))!.blob.text()).toBe(await blob.text());
      }
    } finally {
      await target.delete();
    }
  });

  it('leaves the database as it was when an import from the worker fails half way', async () => {
    const target = openTestDb();
    try {
      await fillDispute(target, 'On file before');
      const before = await everything(target);
      // A second link of one organisation to the dispute: the checks let it through, but the
      // database refuses it (one link per organisation), after the dispute itself was written.
      const { records, files } = await readBundle(bundle);
      const party = records.disputeParties[0]!;
      const twice = {
        ...records,
        disputeParties: [...records.disputeParties, { ...party, id: 'again' }],
      };
      const opened = await reader().openBundle(await bundleOf(twice, files), target.name);
      await expect(opened.import()).rejects.toThrow(/ConstraintError|unique/i);
      opened.release();
      expect(await everything(target)).toEqual(before);
    } finally {
      await target.delete();
    }
  });

  it('undoes every write when an import is cancelled after thousands of rows', async () => {
    const target = openTestDb();
    try {
      await fillDispute(target, 'On file before');
      const before = await everything(target);
      const { records } = await readBundle(bundle);
      const deadline = { ...records.deadlines[0]!, proceedingId: null };
      const many = {
        ...Object.fromEntries(bundleTables.map((name) => [name, []])),
        disputes: records.disputes,
        deadlines: Array.from({ length: 10_000 }, (_, i) => ({ ...deadline, id: `d${i}` })),
      } as unknown as BundleRecords;
      const opened = await reader().openBundle(await bundleOf(many, new Map()), target.name);
      const cancel = new AbortController();
      const reached: number[] = [];
      const importing = opened.import(undefined, {
        signal: cancel.signal,
        onProgress: ({ done }) => {
          reached.push(done);
          cancel.abort();
        },
      });
      await expect(importing).rejects.toThrow('Cancelled');
      // A read-write transaction over every table starts only once the worker's has ended.
      await target.transaction('rw', target.tables, () => undefined);
      opened.release();
      expect(reached[0]).toBeGreaterThanOrEqual(1_000);
      expect(reached[0]).toBeLessThan(10_001);
      expect(await everything(target)).toEqual(before);
    } finally {
      await target.delete();
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

  it('restores an encrypted backup from its sealed entries, and refuses one altered mid-stream', async () => {
    const held = openTestDb();
    const target = openTestDb();
    try {
      const { dispute } = await fillDispute(held);
      // A filing of three sealed segments, so one in its middle can be altered.
      const big = fileOf(`%PDF-1.7 ${'a long filing '.repeat(180_000)}`, 'long.pdf');
      await attachDocument(held, { disputeId: dispute.id, title: 'Long', kind: 'other' }, big);
      const chunks: Uint8Array[] = [];
      await backUpDatabase(
        held,
        {
          beginBackup: async () => ({ token: 't', name: 'b.zip' }),
          appendBackup: async ({ bytes }) => {
            chunks.push(bytes.slice());
          },
          commitBackup: async () => ({ name: 'b.zip', path: 'b.zip', size: 0, removed: [] }),
          abortBackup: async () => undefined,
        },
        {
          reason: 'manual',
          retention: { keepDaily: 1, keepWeekly: 1 },
          appVersion: 't',
          encryption: {
            passphrase: 'a long passphrase',
            kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 },
          },
        },
      );
      const sealed = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
      await target.settings.put({ key: 'there before', value: true });
      const before = await everything(target);

      // One byte of the filing's first data segment (a full one: the next record's length
      // follows it, 1 MiB and 32 bytes on) altered: only reading that segment finds it.
      const full = 12 + 1024 * 1024 + 16;
      let first = -1;
      const view = new DataView(sealed.buffer);
      for (let at = 0; at + 4 + full + 4 <= sealed.byteLength && first < 0; at += 1) {
        if (view.getUint32(at, true) === full && view.getUint32(at + 4 + full, true) === full) {
          first = at;
        }
      }
      expect(first).toBeGreaterThan(0);
      const altered = sealed.slice();
      altered[first + 4 + 12 + 5000]! ^= 0x40;
      await expect(
        reader().openBackup(new Blob([altered]), target.name, { passphrase: 'a long passphrase' }),
      ).rejects.toThrow(
        /This encrypted archive is damaged or was altered \(entry \d+ is not in its place or was altered\)\. Nothing was changed\./,
      );
      expect(await everything(target)).toEqual(before);

      const opened = await reader().openBackup(new Blob([sealed]), target.name, {
        passphrase: 'a long passphrase',
      });
      await opened.replace();
      opened.release();
      const files = await held.files.toArray();
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) {
        const restored = await target.files.get(file.sha256);
        expect(restored!.blob.type).toBe(file.mimeType);
        expect(await restored!.blob.text()).toBe(await file.blob.text());
      }
      expect(await target.documents.count()).toBe(await held.documents.count());
    } finally {
      await held.delete();
      await target.delete();
    }
  });

  it('writes a backup of many rows whole, one transaction, saying how far it got', async () => {
    const count = 4_007;
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

  it('summarises backups for a list off the thread exactly as here', async () => {
    const backups = [
      {
        name: backupFileName(new Date('2026-01-02T03:04:05Z'), 'manual'),
        file: await backupOfSettings(3),
      },
      {
        name: backupFileName(new Date('2026-01-03T03:04:05Z'), 'daily'),
        file: new Blob(['not a backup at all']),
      },
    ];
    const here = await Promise.all(backups.map(({ name, file }) => summariseBackup(name, file)));
    expect(here[0]).toMatchObject({ counts: { settings: 3 }, reason: 'manual' });
    expect(here[1]).toMatchObject({ counts: null, reason: 'daily' });
    expect(await reader().summarise(backups)).toEqual(here);
  });

  it('passes the checks’ refusal on in the person’s words', async () => {
    await expect(
      reader().openBundle(new Blob(['not a zip at all, no']), 'never written'),
    ).rejects.toThrow(
      'This file is not a Casefile archive (it is not a zip file). Nothing was changed.',
    );
    // Each kind offered as the other.
    await expect(reader().openBackup(bundle, 'never written')).rejects.toThrow('not a backup');
    await expect(reader().openBundle(await backupOfSettings(1), 'never written')).rejects.toThrow(
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
    await expect(archives.openBundle(bundle, 'never written')).rejects.toThrow(
      'The archive checker stopped unexpectedly. Nothing was changed.',
    );
    await expect(archives.openBundle(bundle, 'never written')).resolves.toMatchObject({
      manifest: { kind: 'bundle' },
    });
  });
});
