/**
 * The host API as a plain browser provides it, so the same renderer runs in Chromium without
 * Electron (that is how the end-to-end suite runs): saving becomes a download, external links a
 * new tab, and the data folder is the browser profile's own IndexedDB, which has no path to show.
 */
import type { HostApi } from '../../../shared/host-api';
import {
  beginSaveArgsSchema,
  endSaveArgsSchema,
  beginDocumentCopyArgsSchema,
  openExternalArgsSchema,
  printArgsSchema,
  savePdfArgsSchema,
  saveFileArgsSchema,
  type IpcResult,
} from '../../../shared/ipc';
import { createGatheredDownloads, downloadBytes, ok, refused } from './browser-downloads';
import { browserPassphrase } from './browser-passphrase';
import { browserBackups } from '../features/backups/browser-backups';
import { printRouteInThisWindow } from '../features/printing/browser-print';

const saves = createGatheredDownloads();

export const browserHost: HostApi = {
  async getAppInfo() {
    return ok({
      name: 'Casefile',
      version: import.meta.env.PACKAGE_VERSION ?? 'web',
      platform: 'browser',
      dataDir: 'This browser profile (IndexedDB)',
      desktop: false,
    });
  },
  async openExternal(args) {
    const parsed = openExternalArgsSchema.safeParse(args);
    if (!parsed.success) return refused('That link is not valid.');
    const url = URL.canParse(parsed.data.url) ? new URL(parsed.data.url) : null;
    if (url?.protocol !== 'https:') {
      return {
        ok: false,
        error: { code: 'not-allowed', message: 'Casefile only opens secure web links (https).' },
      };
    }
    window.open(url.href, '_blank', 'noopener,noreferrer');
    return ok(undefined);
  },
  async saveFile(args) {
    const parsed = saveFileArgsSchema.safeParse(args);
    if (!parsed.success)
      return refused('The file could not be saved: its name or contents are not valid.');
    downloadBytes(new Uint8Array(parsed.data.bytes), parsed.data.suggestedName);
    return ok({ saved: true, path: parsed.data.suggestedName });
  },
  // There is no save dialog to ask first: the pieces are gathered and downloaded on commit.
  async beginSave(args) {
    const parsed = beginSaveArgsSchema.safeParse(args);
    if (!parsed.success) return refused('The file could not be saved: its name is not valid.');
    const name = parsed.data.suggestedName;
    return ok({ started: true, token: saves.begin(name), path: name });
  },
  appendSave: saves.appendMethod('That save is no longer in progress. Save the file again.'),
  async commitSave(args) {
    const parsed = endSaveArgsSchema.safeParse(args);
    const saved = parsed.success ? saves.commit(parsed.data.token) : null;
    if (!saved) return refused('That save is no longer in progress. Save the file again.');
    return ok({ saved: true, path: saved.name });
  },
  abortSave: saves.abortMethod(),
  // A browser cannot hand a file to another program; downloading it lets the person open it.
  async beginDocumentCopy(args) {
    const parsed = beginDocumentCopyArgsSchema.safeParse(args);
    if (!parsed.success) return refused('The document could not be opened: its name is not valid.');
    return ok({ token: saves.begin(parsed.data.fileName) });
  },
  appendDocumentCopy: saves.appendMethod(
    'That copy is no longer being written. Open the document again.',
  ),
  async openDocumentCopy(args) {
    const parsed = endSaveArgsSchema.safeParse(args);
    if (!parsed.success || !saves.commit(parsed.data.token)) {
      return refused('That copy is no longer being written. Open the document again.');
    }
    return ok(undefined);
  },
  abortDocumentCopy: saves.abortMethod(),
  async revealDataFolder() {
    return {
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'In a browser, case files live in the browser profile and have no folder to show.',
      },
    };
  },
  // A browser cannot write a PDF itself: both open its print dialog on the print page, and that
  // dialog offers "Save as PDF" as a destination. Whether the person saved is not known here.
  async savePdf(args) {
    const parsed = savePdfArgsSchema.safeParse(args);
    if (!parsed.success) return refused('Only Casefile’s own print pages can be saved as PDF.');
    return printInThisWindow(parsed.data.route, parsed.data.page, { saved: false });
  },
  async printRoute(args) {
    const parsed = printArgsSchema.safeParse(args);
    if (!parsed.success) return refused('Only Casefile’s own print pages can be printed.');
    return printInThisWindow(parsed.data.route, parsed.data.page, { printed: true });
  },
  ...browserBackups,
  ...browserPassphrase,
  // A browser opens no files by double-click; its import dialog takes a file input.
  async takeOpenedBundle() {
    return ok(null);
  },
  async readOpenedBundle() {
    return refused('In a browser, choose the bundle in the import dialog.');
  },
  onMenuCommand() {
    // A browser has no application menu; the in-app menu calls the same actions directly.
    return () => {};
  },
};

async function printInThisWindow<T>(
  route: string,
  page: Parameters<typeof printRouteInThisWindow>[1],
  value: T,
): Promise<IpcResult<T>> {
  try {
    await printRouteInThisWindow(route, page);
    return ok(value);
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: (error as Error).message } };
  }
}
