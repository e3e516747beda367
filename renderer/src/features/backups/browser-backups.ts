/**
 * Backups as a plain browser can keep them: the same streamed archive, gathered as a Blob (which
 * Chromium spills to disk when large) and handed to the person as a download on commit. A browser
 * has no backups folder, so the list is empty and restoring takes a file the person picks.
 */
import {
  appendBackupArgsSchema,
  backupFileName,
  beginBackupArgsSchema,
  commitBackupArgsSchema,
} from '../../../../shared/backups';
import type { HostApi } from '../../../../shared/host-api';
import { createGatheredDownloads, ok, refused } from '../../host/browser-downloads';

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
    if (!backup) return refused('That backup is no longer in progress.');
    return ok({ name: backup.name, path: backup.name, size: backup.size, removed: [] });
  },
  abortBackup: downloads.abortMethod(),
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
  async quitPreparing() {
    return ok(undefined);
  },
};
