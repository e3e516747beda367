/**
 * Backups as a plain browser can keep them: the same streamed archive, gathered as a Blob (which
 * Chromium spills to disk when large) and handed to the person as a download on commit. A browser
 * has no backups folder, so the list is empty and restoring takes a file the person picks.
 */
import {
  abortBackupArgsSchema,
  appendBackupArgsSchema,
  backupFileName,
  beginBackupArgsSchema,
  commitBackupArgsSchema,
} from '../../../../shared/backups';
import type { HostApi } from '../../../../shared/host-api';
import type { IpcResult } from '../../../../shared/ipc';
import { downloadBytes } from '../../host/browser-host';

type BackupMethods = Pick<
  HostApi,
  | 'beginBackup'
  | 'appendBackup'
  | 'commitBackup'
  | 'abortBackup'
  | 'listBackups'
  | 'readBackup'
  | 'quitReady'
>;

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

function refused(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'invalid-argument', message } };
}

const inProgress = new Map<string, { name: string; parts: Blob[]; size: number }>();

export const browserBackups: BackupMethods = {
  async beginBackup(args) {
    const parsed = beginBackupArgsSchema.safeParse(args);
    if (!parsed.success) return refused('The backup could not start: its reason is not valid.');
    const token = crypto.randomUUID();
    const name = backupFileName(new Date(), parsed.data.reason);
    inProgress.set(token, { name, parts: [], size: 0 });
    return ok({ token, name });
  },
  async appendBackup(args) {
    const parsed = appendBackupArgsSchema.safeParse(args);
    const backup = parsed.success ? inProgress.get(parsed.data.token) : undefined;
    if (!parsed.success || !backup) return refused('That backup is no longer in progress.');
    // A Blob per batch: the browser may keep it outside the JavaScript heap.
    backup.parts.push(new Blob([new Uint8Array(parsed.data.bytes)]));
    backup.size += parsed.data.bytes.byteLength;
    return ok(undefined);
  },
  async commitBackup(args) {
    const parsed = commitBackupArgsSchema.safeParse(args);
    const backup = parsed.success ? inProgress.get(parsed.data.token) : undefined;
    if (!parsed.success || !backup) return refused('That backup is no longer in progress.');
    inProgress.delete(parsed.data.token);
    downloadBytes(new Blob(backup.parts, { type: 'application/zip' }), backup.name);
    return ok({ name: backup.name, path: backup.name, size: backup.size, removed: [] });
  },
  async abortBackup(args) {
    const parsed = abortBackupArgsSchema.safeParse(args);
    if (parsed.success) inProgress.delete(parsed.data.token);
    return ok(undefined);
  },
  async listBackups() {
    return ok([]);
  },
  async readBackup() {
    return {
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'In a browser, choose the backup file to restore from your downloads.',
      },
    };
  },
  async quitReady() {
    return ok(undefined);
  },
};
