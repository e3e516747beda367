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
import { backUpDatabase, restoreDatabase, type BackupSink } from './backup-engine';
import { readBackupSettings } from './backup-settings';

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

export async function runBackup(reason: BackupReason): Promise<BackupWritten> {
  return exclusive('Backing up', async (onProgress) => {
    const [settings, info] = await Promise.all([readBackupSettings(db), host.getAppInfo({})]);
    return backUpDatabase(db, sink, {
      reason,
      retention: settings,
      appVersion: info.version,
      onProgress,
    });
  });
}

export async function runRestore(
  archive: Blob,
  /** For an encrypted backup (shared/archive/encryption.ts). */
  passphrase?: string,
): Promise<{ safetyBackup: BackupWritten; repairs: string[] }> {
  return exclusive('Restoring', async (onProgress) => {
    const [settings, info] = await Promise.all([readBackupSettings(db), host.getAppInfo({})]);
    return restoreDatabase(db, archive, sink, {
      retention: settings,
      appVersion: info.version,
      onProgress,
      read: (file, onRead) => archiveReader().readBackup(file, { onProgress: onRead, passphrase }),
    });
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
