/**
 * Printing on the desktop. A print route (`/print/…`, already validated by the IPC contract) is
 * rendered in a hidden window with the same hardened preferences as the main window; once the route
 * says its data has loaded (`<html data-print-ready="true">`), the window is either turned into a
 * PDF with the layout from shared/print-options.ts and written atomically where the person chose,
 * or handed to the system print dialog. The hidden window is closed whatever happens.
 */
import type { SaveFileResult } from '../../shared/ipc';
import {
  pageLayout,
  runningHeaderCss,
  toElectronPdfOptions,
  type PageChoices,
} from '../../shared/print-options';
import { UserFacingError, type IpcHandlers } from './ipc';
import { chooseSaveTarget, writeSaveTarget, type SaveTargetDeps } from './save-target';

/** The parts of a BrowserWindow printing uses, so tests can stand in for Electron. */
export type PrintWindow = {
  loadURL(url: string): Promise<void>;
  close(): void;
  isDestroyed(): boolean;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    insertCSS(css: string): Promise<string>;
    printToPDF(options: ReturnType<typeof toElectronPdfOptions>): Promise<Uint8Array>;
    print(
      options: { silent: boolean; printBackground: boolean; pageSize: PageChoices['paper'] },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
};

export type PrintingDeps = SaveTargetDeps & {
  /** A new hidden, hardened window (security.ts `createHardenedWindow` with `show: false`). */
  createWindow(): PrintWindow;
  /** `casefile://app/index.html`, or the dev server's page while developing. */
  pageUrl: string;
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
  readyTimeoutMs?: number;
  pollIntervalMs?: number;
};

export type PrintHandlers = Pick<IpcHandlers, 'print:save-pdf' | 'print:print'>;

const READY_STATE = 'document.documentElement.dataset.printReady ?? ""';
const READY_ERROR = 'document.documentElement.dataset.printError ?? ""';
// Fonts load after the data; a PDF taken before they arrive has fallback glyphs.
const FONTS_READY = 'document.fonts.ready.then(() => true)';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPrintHandlers(deps: PrintingDeps): PrintHandlers {
  const timeoutMs = deps.readyTimeoutMs ?? 30_000;
  const intervalMs = deps.pollIntervalMs ?? 50;

  async function waitUntilReady(window: PrintWindow) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await window.webContents.executeJavaScript(READY_STATE);
      if (state === 'true') break;
      if (state === 'error') {
        const reason = String(await window.webContents.executeJavaScript(READY_ERROR));
        throw new UserFacingError(`Casefile could not prepare the pages to print: ${reason}`);
      }
      if (Date.now() >= deadline) {
        throw new UserFacingError(
          `The pages to print were not ready after ${Math.round(timeoutMs / 1000)} seconds, so nothing was printed. Try again; if it happens again, restart Casefile.`,
        );
      }
      await sleep(intervalMs);
    }
    await window.webContents.executeJavaScript(FONTS_READY);
  }

  /** Renders `route` in a hidden window, runs `use` on it, and always closes the window. */
  async function withRenderedRoute<T>(route: string, use: (window: PrintWindow) => Promise<T>) {
    const window = deps.createWindow();
    try {
      await window.loadURL(`${deps.pageUrl}#${route}`);
      await waitUntilReady(window);
      return await use(window);
    } finally {
      if (!window.isDestroyed()) window.close();
    }
  }

  return {
    'print:save-pdf': async ({ route, page, suggestedName }): Promise<SaveFileResult> => {
      // Asking first means nothing is rendered for a person who cancels.
      const path = await chooseSaveTarget(deps, {
        suggestedName,
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (path === undefined) return { saved: false };

      const pdf = await withRenderedRoute(route, (window) =>
        window.webContents.printToPDF(toElectronPdfOptions(pageLayout(page))),
      );
      await writeSaveTarget(path, pdf, deps.writeFileAtomic);
      return { saved: true, path };
    },

    'print:print': async ({ route, page }) =>
      withRenderedRoute(route, async (window) => {
        // The system dialog takes no header templates; CSS margin boxes carry them instead.
        await window.webContents.insertCSS(runningHeaderCss(page));
        return new Promise<{ printed: boolean }>((resolve, reject) => {
          window.webContents.print(
            { silent: false, printBackground: true, pageSize: page.paper },
            (success, failureReason) => {
              // Cancelling the dialog is the person's choice, not an error.
              if (success || failureReason === 'Print job canceled') resolve({ printed: success });
              else
                reject(
                  new UserFacingError(
                    `The summary was not printed: ${failureReason || 'the printer refused it'}. Check the printer and try again.`,
                  ),
                );
            },
          );
        });
      }),
  };
}
