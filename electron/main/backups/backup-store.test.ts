import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptArchive } from '../../../shared/archive/encryption';
import { writeArchive } from '../../../shared/archive/write-archive';
import { backupFileName } from '../../../shared/backups';
import { openOnFillingDisk } from '../testing/filling-disk';
import { createBackupStore } from './backup-store';

vi.mock('electron', () => ({}));

const retention = { keepDaily: 14, keepWeekly: 8 };

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/** A small real archive, as the renderer would stream it. */
async function archiveBytes(): Promise<Uint8Array<ArrayBuffer>[]> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  await writeArchive(
    {
      kind: 'backup',
      schemaVersion: 2,
      appVersion: '0.1.0',
      tables: [{ name: 'settings', rows: () => once([{ key: 'probe', value: 1 }]) }],
      files: async function* files() {},
    },
    async (chunk) => {
      chunks.push(new Uint8Array(chunk));
    },
  );
  return chunks;
}

describe('the backups folder', () => {
  let dataDir: string;
  let clock: Date;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casefile-backups-'));
    clock = new Date('2026-03-31T12:00:00.000Z');
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function backUp(store: ReturnType<typeof createBackupStore>) {
    const { token } = await store.handlers['backups:begin']({ reason: 'manual' });
    for (const bytes of await archiveBytes()) {
      await store.handlers['backups:append']({ token, bytes });
    }
    return store.handlers['backups:commit']({ token, retention });
  }

  it('writes a backup that lists with its manifest counts and reads back byte for byte', async () => {
    const store = createBackupStore({ dataDir, now: () => clock });
    const written = await backUp(store);
    expect(written.name).toBe(backupFileName(clock, 'manual'));
    expect(await readdir(join(dataDir, 'backups'))).toEqual([written.name]);
    const [summary] = await store.handlers['backups:list']({});
    expect(summary).toMatchObject({
      name: written.name,
      size: written.size,
      createdAt: clock.toISOString(),
      reason: 'manual',
      counts: { settings: 1 },
      schemaVersion: 2,
      encrypted: false,
    });
    const onDisk = await readFile(written.path);
    const head = await store.handlers['backups:read']({
      name: written.name,
      offset: 0,
      length: 10,
    });
    expect(head).toEqual(new Uint8Array(onDisk.subarray(0, 10)));
  });

  it('lists an encrypted backup as encrypted, its sealed counts unknown', async () => {
    const store = createBackupStore({ dataDir, now: () => clock });
    const sealed: Uint8Array<ArrayBuffer>[] = [];
    await encryptArchive(
      new Blob(await archiveBytes()),
      'orange kettle under moonlight',
      async (chunk) => {
        sealed.push(new Uint8Array(chunk));
      },
      { kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 } },
    );
    const { token } = await store.handlers['backups:begin']({ reason: 'daily' });
    for (const bytes of sealed) await store.handlers['backups:append']({ token, bytes });
    await store.handlers['backups:commit']({ token, retention });
    expect(await store.handlers['backups:list']({})).toMatchObject([
      { reason: 'daily', counts: null, schemaVersion: null, encrypted: true },
    ]);
  });

  it('leaves earlier backups intact and no partial file when a write fails half-way', async () => {
    const store = createBackupStore({ dataDir, now: () => clock });
    const earlier = await backUp(store);
    const earlierBytes = await readFile(earlier.path);

    // The second write lands half its bytes, then the disk fills up.
    const failing = createBackupStore({
      dataDir,
      now: () => new Date('2026-03-31T13:00:00.000Z'),
      openFile: openOnFillingDisk(1),
    });
    const { token } = await failing.handlers['backups:begin']({ reason: 'daily' });
    await failing.handlers['backups:append']({ token, bytes: new Uint8Array(randomBytes(1000)) });
    await expect(
      failing.handlers['backups:append']({ token, bytes: new Uint8Array(randomBytes(1000)) }),
    ).rejects.toThrow(/disk is full/);
    await expect(failing.handlers['backups:commit']({ token, retention })).rejects.toThrow(
      /no longer in progress/,
    );

    expect(await readdir(join(dataDir, 'backups'))).toEqual([earlier.name]);
    expect(await readFile(earlier.path)).toEqual(earlierBytes);
  });

  it('never shows an unfinished backup under a backup name and clears stale temporary files', async () => {
    const store = createBackupStore({ dataDir, now: () => clock });
    const { token } = await store.handlers['backups:begin']({ reason: 'quit' });
    await store.handlers['backups:append']({ token, bytes: new Uint8Array(randomBytes(100)) });
    expect(await store.handlers['backups:list']({})).toEqual([]);
    // A crash: the process ends with the temporary file still there.
    await writeFile(join(dataDir, 'backups', 'casefile-crashed.zip.tmp'), 'partial');
    const nextRun = createBackupStore({ dataDir, now: () => clock });
    await nextRun.removeStaleTemporaryFiles();
    expect(await readdir(join(dataDir, 'backups'))).toEqual([]);
    await store.handlers['backups:abort']({ token });
  });

  it('rotates after each commit, keeping exactly the configured set', async () => {
    const days = Array.from(
      { length: 20 },
      (_, index) => new Date(Date.UTC(2026, 2, 12 + index, 9)),
    );
    let removed: string[] = [];
    for (const day of days) {
      clock = day;
      const store = createBackupStore({ dataDir, now: () => clock });
      const { token } = await store.handlers['backups:begin']({ reason: 'daily' });
      for (const bytes of await archiveBytes()) {
        await store.handlers['backups:append']({ token, bytes });
      }
      removed = removed.concat(
        (
          await store.handlers['backups:commit']({
            token,
            retention: { keepDaily: 5, keepWeekly: 3 },
          })
        ).removed,
      );
    }
    const left = (await readdir(join(dataDir, 'backups'))).sort();
    // The last five days (27–31 March); of the three newest weeks, the 31st and the 29th are among
    // them, and Sunday 22 March is the newest of the week before.
    expect(left).toEqual(
      [27, 28, 29, 30, 31]
        .map((day) => backupFileName(new Date(Date.UTC(2026, 2, day, 9)), 'daily'))
        .concat(backupFileName(new Date(Date.UTC(2026, 2, 22, 9)), 'daily'))
        .sort(),
    );
    expect(removed).toHaveLength(20 - 6);
  });
});
