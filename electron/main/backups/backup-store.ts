/**
 * The backups folder on disk (`<dataDir>/backups/`). A backup arrives from the renderer as a stream
 * of zip chunks: `begin` opens `<name>.tmp`, `append` writes each batch as it comes (so memory holds
 * one batch, never the archive), `commit` fsyncs the file, renames it to `<name>` and fsyncs the
 * folder, then rotates. Only committed names end in `.zip`, so a crash or a failed write mid-way
 * never leaves a partial file where a backup is expected, and earlier backups are never touched
 * until a new one is safely in place. Stale `.tmp` files from a crash are removed on the next run.
 */
import { openAsBlob } from 'node:fs';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { summariseBackup } from '../../../shared/archive/backup-summary';
import {
  backupFileName,
  parseBackupName,
  type BackupSummary,
  type BackupTicket,
  type BackupWritten,
} from '../../../shared/backups';
import type { IpcHandlers } from '../ipc';
import { UserFacingError } from '../ipc';
import { createStreamedFiles } from '../streamed-file';
import { backupsToKeep } from '../../../shared/backup-rotation';

export type BackupStoreDeps = {
  dataDir: string;
  now?: () => Date;
  /** The file system calls that can fail half-way; tests inject failures here. */
  openFile?: (path: string, flags: string) => Promise<FileHandle>;
};

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
  const files = createStreamedFiles({
    notInProgress: 'That backup is no longer in progress. Start it again.',
    describeError: writeError,
    openFile: deps.openFile,
  });

  const committedNames = async (): Promise<string[]> => {
    await mkdir(folder, { recursive: true });
    return (await readdir(folder)).filter((name) => parseBackupName(name) !== null);
  };

  const handlers: BackupHandlers = {
    'backups:begin': async ({ reason }): Promise<BackupTicket> => {
      await mkdir(folder, { recursive: true });
      const name = backupFileName(now(), reason);
      const token = await files.begin(join(folder, name), join(folder, `${name}.tmp`));
      return { token, name };
    },

    'backups:append': async ({ token, bytes }) => {
      await files.append(token, bytes);
    },

    'backups:commit': async ({ token, retention }): Promise<BackupWritten> => {
      const written = await files.commit(token);
      const name = basename(written.path);
      const dated = (await committedNames()).flatMap((committed) => {
        const parsed = parseBackupName(committed);
        return parsed ? [{ name: committed, createdAt: parsed.createdAt }] : [];
      });
      const keep = backupsToKeep(dated, retention);
      const removed = dated.map((item) => item.name).filter((item) => !keep.has(item));
      for (const item of removed) await rm(join(folder, item), { force: true });
      return { name, path: written.path, size: written.size, removed };
    },

    'backups:abort': async ({ token }) => {
      await files.abort(token);
    },

    'backups:list': async (): Promise<BackupSummary[]> => {
      const names = await committedNames();
      const summaries = await Promise.all(
        names.map(async (name) => summariseBackup(name, await openAsBlob(join(folder, name)))),
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
      for (const name of await readdir(folder)) {
        const path = join(folder, name);
        if (name.endsWith('.tmp') && !files.isUnfinished(path)) await rm(path, { force: true });
      }
    },
    /** Ends every unfinished backup, e.g. when the app quits mid-way. */
    async abortAll(): Promise<void> {
      await files.abortAll();
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
