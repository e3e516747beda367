import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  WRONG_PASSPHRASE_MESSAGE,
  createArchiveSealer,
  decryptArchive,
  openSealedArchive,
  readEncryptionHeader,
} from '../../../../shared/archive/encryption';
import { readArchive } from '../../../../shared/archive/read-archive';
import type { PassphraseStorage } from '../../../../shared/ipc';

const PASSPHRASE = 'orange kettle under moonlight';

const state = vi.hoisted(() => ({
  storage: { available: true, reason: null, remembered: false } as PassphraseStorage,
  written: new Map<string, Uint8Array[]>(),
  committed: [] as { name: string; bytes: Uint8Array[] }[],
  begun: 0,
}));

vi.mock('../../db/db', async () => {
  const { openTestDb } = await import('../../db/testing/test-db');
  return { db: openTestDb() };
});

// The desktop host as the main process answers it, with the keychain's answers set per test.
vi.mock('../../host/host', () => ({
  isDesktop: true,
  host: {
    getAppInfo: async () => ({ version: '0.1.0' }),
    getPassphraseStorage: async () => state.storage,
    recallPassphrase: async () => (state.storage.remembered ? PASSPHRASE : null),
    beginBackup: async ({ reason }: { reason: string }) => {
      state.begun += 1;
      const token = `${state.begun}`.padStart(36, '0');
      state.written.set(token, []);
      return { token, name: `backup-${state.begun}-${reason}.zip` };
    },
    appendBackup: async ({ token, bytes }: { token: string; bytes: Uint8Array }) => {
      state.written.get(token)?.push(bytes.slice());
    },
    commitBackup: async ({ token }: { token: string }) => {
      const bytes = state.written.get(token) ?? [];
      const name = `backup-${token}.zip`;
      state.committed.push({ name, bytes });
      return { name, path: name, size: 1, removed: [] };
    },
    abortBackup: async () => undefined,
  },
}));

// Sealing and reading here rather than in the workers (archive-sealer.test.ts and
// archive-reader.test.ts cover those).
vi.mock('../../workers/archive-sealer', () => ({ sealInWorker: createArchiveSealer }));
vi.mock('../../workers/archive-reader', () => ({
  archiveReader: () => ({
    openBackup: async (file: Blob, _database: string, options: { passphrase?: string }) =>
      verifiedHere(
        db,
        await readArchive(
          // As the archive worker reads it: straight from its sealed entries.
          options.passphrase ? await openSealedArchive(file, options.passphrase) : file,
        ),
      ),
  }),
}));

const { db } = await import('../../db/db');
const { verifiedHere } = await import('./restore-database');
const { backUpIfDue } = await import('./use-automatic-backups');
const { runBackup, runRestore } = await import('./backup-runner');
const {
  readBackupSettings,
  readSkippedBackup,
  saveBackupSettings,
  defaultBackupSettings,
  lastAutomaticBackup,
} = await import('./backup-settings');

describe('backups when they are to be encrypted', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await db.settings.clear();
    await saveBackupSettings(db, { ...defaultBackupSettings, encrypt: true });
    await db.settings.put({ key: 'probe', value: 'Huawei v. Xiaomi' });
    state.committed = [];
    state.begun = 0;
  });
  afterAll(async () => {
    await db.delete();
  });

  it('skips, saying why, rather than write a plain backup when no passphrase is known', async () => {
    state.storage = { available: false, reason: 'no keyring', remembered: false };
    const now = new Date('2026-12-02T04:00:00Z');
    await expect(backUpIfDue(now)).resolves.toBe(false);
    expect(state.begun).toBe(0);
    expect(state.committed).toEqual([]);
    expect(await readSkippedBackup(db)).toEqual({
      at: now.toISOString(),
      reason: expect.stringMatching(/does not know the passphrase.*No backup was made/),
    });
    // Not counted as done, so it is tried again once the passphrase is known.
    expect(await lastAutomaticBackup(db)).toBeNull();
  });

  it('runs encrypted without asking when the passphrase is remembered', async () => {
    state.storage = { available: true, reason: null, remembered: false };
    await backUpIfDue(new Date('2026-12-02T04:00:00Z'));
    state.storage = { available: true, reason: null, remembered: true };
    await expect(backUpIfDue(new Date('2026-12-02T05:00:00Z'))).resolves.toBe(true);
    expect(await readSkippedBackup(db)).toBeNull();
    expect(state.committed).toHaveLength(1);
    const archive = new Blob(state.committed[0]!.bytes as BlobPart[]);
    expect(await readEncryptionHeader(archive)).not.toBeNull();
    await expect(decryptArchive(archive, 'not the passphrase')).rejects.toThrow(
      WRONG_PASSPHRASE_MESSAGE,
    );
    const read = await readArchive(await decryptArchive(archive, PASSPHRASE));
    expect(read.tables.settings).toContainEqual({ key: 'probe', value: 'Huawei v. Xiaomi' });
  });

  it('keeps encryption on after restoring a backup made before it was turned on', async () => {
    await saveBackupSettings(db, { ...defaultBackupSettings, encrypt: false });
    await runBackup('manual');
    const plain = new Blob(state.committed.at(-1)!.bytes as BlobPart[]);
    expect(await readEncryptionHeader(plain)).toBeNull();
    await saveBackupSettings(db, { ...defaultBackupSettings, encrypt: true });
    const { safetyBackup } = await runRestore(plain);
    expect((await readBackupSettings(db)).encrypt).toBe(true);
    const safety = state.committed.find((backup) => backup.name === safetyBackup.name)!;
    expect(await readEncryptionHeader(new Blob(safety.bytes as BlobPart[]))).not.toBeNull();
  });
});
