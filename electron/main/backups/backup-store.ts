/**
 * The backups folder on disk (`<dataDir>/backups/`). A backup arrives from the renderer as a stream
 * of zip chunks: `begin` opens `<name>.tmp`, `append` writes each batch as it comes (so memory holds
 * one batch, never the archive), `commit` fsyncs the file, renames it to `<name>` and fsyncs the
 * folder, then rotates. Only committed names end in `.zip`, so a crash or a failed write mid-way
 * never leaves a partial file where a backup is expected, and earlier backups are never touched
 * until a new one is safely in place. Stale `.tmp` files from a crash are removed on the next run.
 */
import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { readArchiveManifest } from '../../../shared/archive/read-archive';
import {
  backupFileName,
  parseBackupName,
  type BackupSummary,
  type BackupTicket,
  type BackupWritten,
} from '../../../shared/backups';
import { syncFolder } from '../atomic-write';
import type { IpcHandlers } from '../ipc';
import { UserFacingError } from '../ipc';
import { backupsToKeep } from './rotation';

export type BackupStoreDeps = {
  dataDir: string;
  now?: () => Date;
  /** The file system calls that can fail half-way; tests inject failures here. */
  openFile?: (path: string, flags: string) => Promise<FileHandle>;
};

type Open = { name: string; tempPath: string; file: FileHandle; size: number };

export type BackupHandlers = Pick<
  IpcHandlers,
  | 'backups:begin'
  | 'backups:append'
  | 'backups:commit'
  | 'backups:abort'
  | 'backups:list'
  | 'backups:read'
>;

export function backupsFolder(dataDir: string): string {
  return join(dataDir, 'backups');
}

export function createBackupStore(deps: BackupStoreDeps) {
  const folder = backupsFolder(deps.dataDir);
  const now = deps.now ?? (() => new Date());
  const openFile = deps.openFile ?? ((path: string, flags: string) => open(path, flags));
  const inProgress = new Map<string, Open>();

  const take = (token: string): Open => {
    const backup = inProgress.get(token);
    if (!backup) throw new UserFacingError('That backup is no longer in progress. Start it again.');
    return backup;
  };

  const discard = async (token: string): Promise<void> => {
    const backup = inProgress.get(token);
    if (!backup) return;
    inProgress.delete(token);
    await backup.file.close().catch(() => undefined);
    await rm(backup.tempPath, { force: true });
  };

  const committedNames = async (): Promise<string[]> => {
    await mkdir(folder, { recursive: true });
    return (await readdir(folder)).filter((name) => parseBackupName(name) !== null);
  };

  const handlers: BackupHandlers = {
    'backups:begin': async ({ reason }): Promise<BackupTicket> => {
      await mkdir(folder, { recursive: true });
      const name = backupFileName(now(), reason);
      const tempPath = join(folder, `${name}.tmp`);
      const token = randomUUID();
      try {
        const file = await openFile(tempPath, 'wx');
        inProgress.set(token, { name, tempPath, file, size: 0 });
      } catch (error) {
        throw writeError(join(folder, name), error);
      }
      return { token, name };
    },

    'backups:append': async ({ token, bytes }) => {
      const backup = take(token);
      try {
        let written = 0;
        while (written < bytes.byteLength) {
          const { bytesWritten } = await backup.file.write(
            bytes,
            written,
            bytes.byteLength - written,
          );
          written += bytesWritten;
        }
        backup.size += written;
      } catch (error) {
        // A failed write ends this backup: nothing partial stays, the earlier backups are untouched.
        await discard(token);
        throw writeError(join(folder, backup.name), error);
      }
    },

    'backups:commit': async ({ token, retention }): Promise<BackupWritten> => {
      const backup = take(token);
      const finalPath = join(folder, backup.name);
      try {
        await backup.file.sync();
        await backup.file.close();
        inProgress.delete(token);
        await rename(backup.tempPath, finalPath);
        await syncFolder(folder);
      } catch (error) {
        await discard(token);
        await rm(backup.tempPath, { force: true });
        throw writeError(finalPath, error);
      }
      const dated = (await committedNames()).flatMap((name) => {
        const parsed = parseBackupName(name);
        return parsed ? [{ name, createdAt: parsed.createdAt }] : [];
      });
      const keep = backupsToKeep(dated, retention);
      const removed = dated.map((item) => item.name).filter((name) => !keep.has(name));
      for (const name of removed) await rm(join(folder, name), { force: true });
      return { name: backup.name, path: finalPath, size: backup.size, removed };
    },

    'backups:abort': async ({ token }) => {
      await discard(token);
    },

    'backups:list': async (): Promise<BackupSummary[]> => {
      const names = await committedNames();
      const summaries = await Promise.all(
        names.map(async (name): Promise<BackupSummary> => {
          const path = join(folder, name);
          const parsed = parseBackupName(name);
          const { size } = await stat(path);
          let counts: Record<string, number> | null = null;
          let schemaVersion: number | null = null;
          try {
            const manifest = await readArchiveManifest(await openAsBlob(path));
            counts = manifest.counts;
            schemaVersion = manifest.schemaVersion;
          } catch {
            // Listed anyway, without counts: restoring it will say exactly what is wrong.
          }
          return {
            name,
            size,
            createdAt: parsed?.createdAt.toISOString() ?? '',
            reason: parsed?.reason ?? '',
            counts,
            schemaVersion,
          };
        }),
      );
      return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    'backups:read': async ({ name, offset, length }) => {
      const handle = await open(join(folder, name), 'r').catch(() => {
        throw new UserFacingError(`The backup “${name}” is no longer in the backups folder.`);
      });
      try {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };

  return {
    handlers,
    folder,
    /** Removes the temporary files a crash left behind; they are never backups. */
    async removeStaleTemporaryFiles(): Promise<void> {
      await mkdir(folder, { recursive: true });
      const unfinished = new Set([...inProgress.values()].map((item) => item.tempPath));
      for (const name of await readdir(folder)) {
        const path = join(folder, name);
        if (name.endsWith('.tmp') && !unfinished.has(path)) await rm(path, { force: true });
      }
    },
    /** Ends every unfinished backup, e.g. when the app quits mid-way. */
    async abortAll(): Promise<void> {
      for (const token of [...inProgress.keys()]) await discard(token);
    },
  };
}

export type BackupStore = ReturnType<typeof createBackupStore>;

/**
 * The write failures a person can act on, in their words; others go to the log. Kept here rather
 * than shared with handlers.ts so this module loads without Electron (the bench runs it in Node).
 */
function writeError(path: string, error: unknown): unknown {
  const nothingLost = 'No partial backup was left and the earlier backups are untouched.';
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
      return new UserFacingError(
        `The disk is full, so the backup was not written. Free some space and back up again. ${nothingLost}`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserFacingError(
        `Casefile is not allowed to write in its backups folder (${path}). ${nothingLost}`,
      );
    default:
      return error;
  }
}
