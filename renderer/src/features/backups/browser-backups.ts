/**
 * Backups as a plain browser can keep them: the same streamed archive, gathered as a Blob (which
 * Chromium spills to disk when large), handed to the person as a download on commit, and kept as
 * well in the origin's private file system (OPFS, a folder of the browser profile apart from
 * IndexedDB's), rotated as the desktop rotates its backups folder. That copy is what the recovery
 * screen lists and restores from when the database itself cannot be opened.
 */
import { backupsToKeep } from '../../../../shared/backup-rotation';
import {
  appendBackupArgsSchema,
  backupFileName,
  beginBackupArgsSchema,
  commitBackupArgsSchema,
  parseBackupName,
  readBackupArgsSchema,
  type BackupSummary,
  type Retention,
} from '../../../../shared/backups';
import type { HostApi } from '../../../../shared/host-api';
import { createGatheredDownloads, ok, refused } from '../../host/browser-downloads';
import { archiveReader } from '../../workers/archive-reader';

type BackupMethods = Pick<
  HostApi,
  | 'beginBackup'
  | 'appendBackup'
  | 'commitBackup'
  | 'abortBackup'
  | 'listBackups'
  | 'readBackup'
  | 'quitReady'
  | 'quitPreparing'
>;

const downloads = createGatheredDownloads();

/** The private folder, or null where the browser has no OPFS (then only the download is kept). */
async function backupsFolder(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('backups', { create: true });
}

async function backupNames(folder: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  // `keys()` is missing from TypeScript's DOM library, though Chromium has had it since 86.
  const entries = folder as unknown as { keys(): AsyncIterable<string> };
  for await (const name of entries.keys()) if (parseBackupName(name)) names.push(name);
  return names;
}

/**
 * Writes the backup into the folder (a writable stream commits the file whole on close, or not at
 * all) and removes what rotation no longer keeps; answers the removed names.
 */
async function keepCopy(blob: Blob, name: string, retention: Retention): Promise<string[]> {
  const folder = await backupsFolder();
  if (!folder) return [];
  const handle = await folder.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await writable.write(blob);
  await writable.close();
  const dated = (await backupNames(folder)).map((item) => ({
    name: item,
    createdAt: parseBackupName(item)!.createdAt,
  }));
  const keep = backupsToKeep(dated, retention);
  const removed = dated.filter((item) => !keep.has(item.name)).map((item) => item.name);
  for (const item of removed) await folder.removeEntry(item);
  return removed;
}

export const browserBackups: BackupMethods = {
  async beginBackup(args) {
    const parsed = beginBackupArgsSchema.safeParse(args);
    if (!parsed.success) return refused('The backup could not start: its reason is not valid.');
    const name = backupFileName(new Date(), parsed.data.reason);
    return ok({ token: downloads.begin(name, 'application/zip'), name });
  },
  appendBackup: downloads.appendMethod(
    'That backup is no longer in progress.',
    appendBackupArgsSchema,
  ),
  async commitBackup(args) {
    const parsed = commitBackupArgsSchema.safeParse(args);
    const backup = parsed.success ? downloads.commit(parsed.data.token) : null;
    if (!parsed.success || !backup) return refused('That backup is no longer in progress.');
    let removed: string[] = [];
    try {
      removed = await keepCopy(backup.blob, backup.name, parsed.data.retention);
    } catch {
      // The download is the backup the person keeps; only the recovery screen's copy is missing.
    }
    return ok({ name: backup.name, path: backup.name, size: backup.size, removed });
  },
  abortBackup: downloads.abortMethod(),
  async listBackups() {
    const folder = await backupsFolder();
    if (!folder) return ok([]);
    const backups: { name: string; file: Blob }[] = [];
    for (const name of await backupNames(folder)) {
      backups.push({ name, file: await (await folder.getFileHandle(name)).getFile() });
    }
    // Each backup's table of contents is read in the archive worker: 50,000 entries took the
    // window a long task per backup.
    let summaries: BackupSummary[];
    try {
      summaries = await archiveReader().summarise(backups);
    } catch (error) {
      const message = `The backups could not be listed: ${(error as Error).message}`;
      return { ok: false, error: { code: 'failed', message } };
    }
    return ok(summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  },
  async readBackup(args) {
    const parsed = readBackupArgsSchema.safeParse(args);
    if (!parsed.success) return refused('That is not a backup Casefile can read.');
    const folder = await backupsFolder();
    const file = await folder
      ?.getFileHandle(parsed.data.name)
      .then((handle) => handle.getFile())
      .catch(() => null);
    if (!file) {
      return {
        ok: false,
        error: { code: 'failed', message: `The backup ${parsed.data.name} is no longer kept.` },
      };
    }
    const { offset, length } = parsed.data;
    return ok(new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()));
  },
  async quitReady() {
    return ok(undefined);
  },
  async quitPreparing() {
    return ok(undefined);
  },
};
