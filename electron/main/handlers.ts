/**
 * What the main process does for each request of the IPC contract. Arguments arrive already
 * validated by ipc.ts; Electron and the file system come in as dependencies so that each handler
 * can be tested without an Electron binary.
 */
import { mkdir } from 'node:fs/promises';
import type { BaseWindow, Dialog, Shell } from 'electron';
import { UserFacingError, type IpcHandlers } from './ipc';
import type { DocumentCopyHandlers } from './attachments';
import type { OpenedBundleHandlers } from './opened-bundles';
import type { PrintHandlers } from './printing';
import type { BackupHandlers } from './backups/backup-store';
import type { PassphraseHandlers } from './passphrase-store';
import type { SaveStreamHandlers } from './save-stream';
import { chooseSaveTarget, writeSaveTarget } from './save-target';
import { isSafeExternalUrl, type openExternalSafely } from './security';

export type HandlerDeps = {
  app: { name: string; version: string; platform: string; downloadsDir: string };
  dataDir: string;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** The one guarded way to the browser (security.ts); never `shell.openExternal` directly. */
  openExternalSafely: typeof openExternalSafely;
  fs: { writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> };
  /** The window dialogs belong to, if one is open. */
  getMainWindow(): BaseWindow | null;
  /** Save as PDF and print, which render in a hidden window (printing.ts). */
  print: PrintHandlers;
  /** Opening a document from a temporary copy (attachments.ts). */
  attachments: DocumentCopyHandlers;
  /** The streamed, rotated backups in the data folder (backups/backup-store.ts). */
  backups: BackupHandlers;
  /** The backups' passphrase, remembered with safeStorage (passphrase-store.ts). */
  passphrases: PassphraseHandlers;
  /** `.casefile` bundles opened with Casefile, read by token (opened-bundles.ts). */
  openedBundles: OpenedBundleHandlers;
  /** Streamed saves where the person chooses, for files too large for one message. */
  saveStream: SaveStreamHandlers;
  /** The renderer has finished preparing to quit (backups/quit-backup.ts). */
  quitReady(): void;
  /** The renderer has received `prepare-to-quit`; says whether a backup follows. */
  quitPreparing(backingUp: boolean): void;
};

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'app:get-info': async () => ({
      name: deps.app.name,
      version: deps.app.version,
      platform: deps.app.platform,
      dataDir: deps.dataDir,
      desktop: true,
    }),

    'links:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new UserFacingError('Casefile only opens secure web links (https).');
      }
      await deps.openExternalSafely(url);
    },

    'files:save-file': async ({ suggestedName, bytes, filters }) => {
      const path = await chooseSaveTarget(
        {
          dialog: deps.dialog,
          downloadsDir: deps.app.downloadsDir,
          getMainWindow: deps.getMainWindow,
        },
        { suggestedName, filters },
      );
      if (path === undefined) return { saved: false };
      await writeSaveTarget(path, bytes, deps.fs.writeFileAtomic);
      return { saved: true, path };
    },

    ...deps.print,

    ...deps.backups,

    ...deps.passphrases,

    ...deps.saveStream,

    ...deps.openedBundles,

    'app:quit-ready': async () => {
      deps.quitReady();
    },

    'app:quit-preparing': async ({ backingUp }) => {
      deps.quitPreparing(backingUp);
    },

    'documents:begin-copy': (args) => deps.attachments['documents:begin-copy'](args),
    'documents:append-copy': (args) => deps.attachments['documents:append-copy'](args),
    'documents:open-copy': (args) => deps.attachments['documents:open-copy'](args),
    'documents:abort-copy': (args) => deps.attachments['documents:abort-copy'](args),

    'data:reveal-folder': async () => {
      await mkdir(deps.dataDir, { recursive: true });
      const failure = await deps.shell.openPath(deps.dataDir);
      if (failure !== '') {
        throw new UserFacingError(
          `Casefile could not open the data folder (${deps.dataDir}): ${failure}`,
        );
      }
    },
  };
}
