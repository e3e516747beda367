/**
 * The one backup or restore running at a time, shared by the menu, the Backups page, the daily
 * timer and the quit hook, so each sees the same progress and two never run at once. The work is
 * awaited in small steps (a page of records, a slice of a file), which keeps the window responsive.
 */
import { useSyncExternalStore } from 'react';
import type { ArchiveProgress } from '../../../../shared/archive/write-archive';
import type { BackupReason, BackupWritten } from '../../../../shared/backups';
import { db } from '../../db/db';
import { host } from '../../host/host';
import { archiveReader } from '../../workers/archive-reader';
import type { BackupOptions, BackupSink } from './backup-engine';
import {
  PASSPHRASE_NOT_KNOWN,
  PassphraseMissingError,
  askForBackupPassphrase,
  backupPassphrase,
} from './backup-passphrase';
import { readBackupSettings, saveBackupSettings, type BackupSettings } from './backup-settings';

export type RunnerState =
  { status: 'idle' } | { status: 'running'; title: string; progress: ArchiveProgress };

let state: RunnerState = { status: 'idle' };
const listeners = new Set<() => void>();

function setState(next: RunnerState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function useBackupRunner(): RunnerState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/**
 * The archive writer and reader (fflate, hash-wasm's Argon2: a few hundred kilobytes of script)
 * are loaded by the first backup or restore, not with every window that shows a backup's progress.
 */
const backupEngine = () => import('./backup-engine');

const sink: BackupSink = {
  beginBackup: (args) => host.beginBackup(args),
  appendBackup: (args) => host.appendBackup(args),
  commitBackup: (args) => host.commitBackup(args),
  abortBackup: (args) => host.abortBackup(args),
};

async function exclusive<T>(
  title: string,
  work: (onProgress: (p: ArchiveProgress) => void) => Promise<T>,
): Promise<T> {
  if (state.status === 'running') {
    throw new Error('A backup or restore is already running. Wait for it to finish.');
  }
  setState({ status: 'running', title, progress: { done: 0, total: 1, phase: 'Starting' } });
  try {
    return await work((progress) => setState({ status: 'running', title, progress }));
  } finally {
    setState({ status: 'idle' });
  }
}

export function isBackupRunning(): boolean {
  return state.status === 'running';
}

/**
 * How backups are sealed under the person's settings: not at all, or in the sealing worker under
 * the session's passphrase. With encryption on and no passphrase known, nothing is written in
 * plain text instead: PassphraseMissingError, with `missing` saying what was not done.
 */
async function encryptionFor(
  settings: BackupSettings,
  missing: string,
): Promise<BackupOptions['encryption']> {
  if (!settings.encrypt) return undefined;
  const passphrase = await backupPassphrase();
  if (passphrase === null) throw new PassphraseMissingError(`${PASSPHRASE_NOT_KNOWN} ${missing}`);
  const { sealInWorker } = await import('../../workers/archive-sealer');
  return { passphrase, seal: sealInWorker };
}

async function keepEncryptionOn(): Promise<void> {
  const restored = await readBackupSettings(db);
  if (!restored.encrypt) await saveBackupSettings(db, { ...restored, encrypt: true });
}

export async function runBackup(reason: BackupReason): Promise<BackupWritten> {
  const settings = await readBackupSettings(db);
  const encryption = await encryptionFor(settings, 'No backup was made.');
  return exclusive('Backing up', async (onProgress) => {
    const info = await host.getAppInfo({});
    const { backUpDatabase } = await backupEngine();
    return backUpDatabase(db, sink, {
      reason,
      retention: settings,
      appVersion: info.version,
      onProgress,
      encryption,
    });
  });
}

/**
 * A backup the person is there to see ("Back up now", the safety backup before an update from a
 * bundle): when it is to be encrypted and no passphrase is known, they are asked for one; null if
 * they cancel, and then nothing at all was written.
 */
export async function runBackupAsking(reason: BackupReason): Promise<BackupWritten | null> {
  try {
    return await runBackup(reason);
  } catch (error) {
    if (!(error instanceof PassphraseMissingError)) throw error;
    if ((await askForBackupPassphrase()) === null) return null;
    return runBackup(reason);
  }
}

export async function runRestore(
  archive: Blob,
  /** For an encrypted backup (shared/archive/encryption.ts). */
  passphrase?: string,
): Promise<{ safetyBackup: BackupWritten; repairs: string[] }> {
  const settings = await readBackupSettings(db);
  // The safety backup made before replacing anything is sealed like every other backup.
  const encryption = await encryptionFor(
    settings,
    'The safety backup made before a restore could not be sealed, so nothing was restored. Choose “Back up now” and enter the passphrase, then restore again. Nothing was changed.',
  );
  return exclusive('Restoring', async (onProgress) => {
    const info = await host.getAppInfo({});
    const { restoreDatabase } = await backupEngine();
    const restored = await restoreDatabase(db, archive, sink, {
      retention: settings,
      appVersion: info.version,
      onProgress,
      encryption,
      read: (file, onRead) =>
        archiveReader().openBackup(file, db.name, { onProgress: onRead, passphrase }),
    });
    // Settings travel with a backup; restoring one made before encryption was turned on must not
    // quietly turn it off, so later backups stay sealed.
    if (settings.encrypt) await keepEncryptionOn();
    return restored;
  });
}

/** A stored backup's bytes, fetched from the host in slices and kept as a Blob (spilled to disk). */
export async function fetchBackup(name: string, size: number): Promise<Blob> {
  const parts: Blob[] = [];
  const slice = 8 * 1024 * 1024;
  for (let offset = 0; offset < size; offset += slice) {
    const bytes = await host.readBackup({ name, offset, length: Math.min(slice, size - offset) });
    parts.push(new Blob([new Uint8Array(bytes)]));
  }
  return new Blob(parts, { type: 'application/zip' });
}
