/**
 * Backing up and restoring, independent of the UI. A backup streams the database through the
 * archive writer to the host in batches of a few megabytes (the host writes a temporary file and
 * renames it into place on commit); any failure aborts it so no partial backup is left. A restore
 * reads and verifies the whole archive first, then backs up the current database, then replaces
 * everything in one transaction.
 */
import {
  createArchiveSealer,
  sealedTarget,
  type ArchiveSealer,
  type KdfParams,
  type OpenSealer,
} from '../../../../shared/archive/encryption';
import type { ArchiveManifest } from '../../../../shared/archive/manifest';
import { readArchive, type ReadArchive } from '../../../../shared/archive/read-archive';
import { writeArchive, type ArchiveProgress } from '../../../../shared/archive/write-archive';
import type {
  BackupReason,
  BackupTicket,
  BackupWritten,
  Retention,
} from '../../../../shared/backups';
import type { CasefileDb } from '../../db/casefile-db';
import { batched } from '../../host/batched';
import { databaseSource } from './database-source';
import { verifiedHere, type VerifiedBackup } from './restore-database';

/** What a backup needs of the host (the `host` wrapper, or a fake in tests). */
export type BackupSink = {
  beginBackup(args: { reason: BackupReason }): Promise<BackupTicket>;
  appendBackup(args: { token: string; bytes: Uint8Array<ArrayBuffer> }): Promise<void>;
  commitBackup(args: { token: string; retention: Retention }): Promise<BackupWritten>;
  abortBackup(args: { token: string }): Promise<void>;
};

export type BackupOptions = {
  reason: BackupReason;
  retention: Retention;
  appVersion: string;
  onProgress?: (progress: ArchiveProgress) => void;
  /** Seals the backup under a passphrase (shared/archive/encryption.ts), entry by entry. */
  encryption?: {
    passphrase: string;
    /** Where the sealing runs: the app passes the sealing worker; in this thread by default. */
    seal?: OpenSealer;
    /** Argon2id parameters; the strong default unless a test says. */
    kdf?: KdfParams;
  };
};

export async function backUpDatabase(
  db: CasefileDb,
  sink: BackupSink,
  options: BackupOptions,
): Promise<BackupWritten> {
  const { token } = await sink.beginBackup({ reason: options.reason });
  // Zip chunks are gathered into batches of a few megabytes before crossing to the host.
  const out = batched((bytes) => sink.appendBackup({ token, bytes }));
  const { encryption } = options;
  let sealer: ArchiveSealer | null = null;
  try {
    if (encryption) {
      options.onProgress?.({ done: 0, total: 1, phase: 'Preparing the encryption key' });
      sealer = await (encryption.seal ?? createArchiveSealer)(encryption.passphrase, out.write, {
        kdf: encryption.kdf,
      });
    }
    const target = sealer ? sealedTarget(sealer) : out.write;
    await writeArchive(databaseSource(db, options.appVersion), target, options.onProgress);
    await out.flush();
    return await sink.commitBackup({ token, retention: options.retention });
  } catch (error) {
    await sealer?.abort().catch(() => undefined);
    await sink.abortBackup({ token }).catch(() => undefined);
    throw error;
  }
}

export type RestoreOptions = Omit<BackupOptions, 'reason'> & {
  onProgress?: (progress: ArchiveProgress) => void;
  /**
   * Reads and verifies the archive, and holds it until it replaces the database: the app passes
   * the archive worker's, which does both off the window's thread. Here, by default.
   */
  read?: (
    archive: Blob,
    onProgress?: (progress: ArchiveProgress) => void,
  ) => Promise<ReadArchive | VerifiedBackup>;
};

/**
 * Verifies `archive` completely, backs up what is there now, then replaces it. Throws an
 * ArchiveError (nothing changed) for a bad archive, or the host's error if the safety backup
 * fails, in which case nothing is replaced either.
 */
export async function restoreDatabase(
  db: CasefileDb,
  archive: Blob,
  sink: BackupSink,
  options: RestoreOptions,
): Promise<{
  manifest: ArchiveManifest;
  /** What was read, when it was read on this thread (the worker keeps its own). */
  read: ReadArchive | null;
  safetyBackup: BackupWritten;
  repairs: string[];
}> {
  const read = options.read
    ? await options.read(archive, options.onProgress)
    : await readArchive(archive, { onProgress: options.onProgress });
  const verified = 'replace' in read ? read : verifiedHere(db, read);
  try {
    if (verified.manifest.kind !== 'backup') {
      throw new Error(
        'This file is a case bundle of one dispute, not a backup. Use “Import case bundle…” instead. Nothing was changed.',
      );
    }
    const safetyBackup = await backUpDatabase(db, sink, { ...options, reason: 'before-restore' });
    options.onProgress?.({ done: 0, total: 1, phase: 'Replacing the database' });
    const repairs = await verified.replace(options.onProgress);
    options.onProgress?.({ done: 1, total: 1, phase: 'Done' });
    return {
      manifest: verified.manifest,
      read: 'replace' in read ? null : read,
      safetyBackup,
      repairs,
    };
  } finally {
    verified.release();
  }
}
