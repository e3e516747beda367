import type { BaseWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { pageLayout, runningHeaderCss, toElectronPdfOptions } from '../../shared/print-options';
import { UserFacingError } from './ipc';
import { createPrintHandlers, type PrintingDeps, type PrintWindow } from './printing';

// Only types come from Electron here; nothing may reach the real module.
vi.mock('electron', () => ({}));

type SaveDialog = (...args: unknown[]) => Promise<{ canceled: boolean; filePath: string }>;

const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
const route = '/print/disputes/abc-123?sections=overview&privileged=0&paper=Letter&line=Secret';
const page = { paper: 'Letter' as const, line: 'Secret <b>&</b>' };

/** A hidden window whose route becomes ready after `readyAfter` polls (never, if null). */
function fakeWindow({
  readyAfter = 1 as number | null,
  failWith = '',
  printOutcome = [true, ''] as [boolean, string],
} = {}) {
  let polls = 0;
  let closed = false;
  const window = {
    loadURL: vi.fn<PrintWindow['loadURL']>(async () => {}),
    close: vi.fn<() => void>(() => {
      closed = true;
    }),
    isDestroyed: () => closed,
    webContents: {
      executeJavaScript: vi.fn<(code: string) => Promise<unknown>>(async (code) => {
        if (code.includes('printError')) return failWith;
        if (code.includes('fonts.ready')) return true;
        polls += 1;
        if (failWith) return 'error';
        return readyAfter !== null && polls > readyAfter ? 'true' : '';
      }),
      insertCSS: vi.fn<PrintWindow['webContents']['insertCSS']>(async () => 'key'),
      printToPDF: vi.fn<PrintWindow['webContents']['printToPDF']>(async () => pdfBytes),
      print: vi.fn<PrintWindow['webContents']['print']>((_options, callback) => {
        callback(...printOutcome);
      }),
    },
  } satisfies PrintWindow;
  return window;
}

function setUp(window: PrintWindow, { owner = null as BaseWindow | null } = {}) {
  const deps = {
    createWindow: vi.fn<() => PrintWindow>(() => window),
    pageUrl: 'casefile://app/index.html',
    dialog: {
      showSaveDialog: vi.fn<SaveDialog>(async () => ({
        canceled: false,
        filePath: '/home/c/Documents/summary.pdf',
      })),
    },
    downloadsDir: '/home/c/Downloads',
    writeFileAtomic: vi.fn<(path: string, bytes: Uint8Array) => Promise<void>>(async () => {}),
    getMainWindow: () => owner,
    readyTimeoutMs: 200,
    pollIntervalMs: 1,
  } satisfies PrintingDeps;
  return { deps, handlers: createPrintHandlers(deps) };
}

describe('printing in a hidden window', () => {
  it('renders the route, waits until it is ready, and writes the PDF where the person chose', async () => {
    const window = fakeWindow({ readyAfter: 3 });
    const owner = {} as BaseWindow;
    const { deps, handlers } = setUp(window, { owner });

    await expect(
      handlers['print:save-pdf']({ route, page, suggestedName: 'Huawei – summary.pdf' }),
    ).resolves.toEqual({ saved: true, path: '/home/c/Documents/summary.pdf' });

    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(owner, {
      defaultPath: '/home/c/Downloads/Huawei – summary.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(window.loadURL).toHaveBeenCalledWith(`casefile://app/index.html#${route}`);
    // It polled until ready (3 not-ready answers, then ready) before printing.
    expect(window.webContents.printToPDF).toHaveBeenCalledTimes(1);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      toElectronPdfOptions(pageLayout(page)),
    );
    expect(deps.writeFileAtomic).toHaveBeenCalledWith('/home/c/Documents/summary.pdf', pdfBytes);
    expect(window.close).toHaveBeenCalledTimes(1);
  });

  it('renders nothing when the person cancels the save dialog', async () => {
    const window = fakeWindow();
    const { deps, handlers } = setUp(window);
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(
      handlers['print:save-pdf']({ route, page, suggestedName: 'a.pdf' }),
    ).resolves.toEqual({ saved: false });
    expect(deps.createWindow).not.toHaveBeenCalled();
    expect(deps.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('gives up with a clear message when the route never becomes ready, and closes the window', async () => {
    const window = fakeWindow({ readyAfter: null });
    const { deps, handlers } = setUp(window);
    const saving = handlers['print:save-pdf']({ route, page, suggestedName: 'a.pdf' });
    await expect(saving).rejects.toBeInstanceOf(UserFacingError);
    await expect(saving).rejects.toThrow(/not ready after 0 seconds, so nothing was printed/);
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(deps.writeFileAtomic).not.toHaveBeenCalled();
    expect(window.close).toHaveBeenCalledTimes(1);
  });

  it('passes on the reason the route gives when it cannot render', async () => {
    const window = fakeWindow({ failWith: 'This dispute no longer exists.' });
    const { handlers } = setUp(window);
    await expect(
      handlers['print:save-pdf']({ route, page, suggestedName: 'a.pdf' }),
    ).rejects.toThrow(
      'Casefile could not prepare the pages to print: This dispute no longer exists.',
    );
    expect(window.close).toHaveBeenCalledTimes(1);
  });

  it('explains a refused write in plain words', async () => {
    const window = fakeWindow();
    const { deps, handlers } = setUp(window);
    deps.writeFileAtomic.mockRejectedValueOnce(
      Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
    );
    await expect(
      handlers['print:save-pdf']({ route, page, suggestedName: 'a.pdf' }),
    ).rejects.toThrow('Casefile is not allowed to write “summary.pdf” there.');
  });

  it('opens the system print dialog with the running header added as CSS', async () => {
    const window = fakeWindow();
    const { handlers } = setUp(window);
    await expect(handlers['print:print']({ route, page })).resolves.toEqual({ printed: true });
    expect(window.webContents.insertCSS).toHaveBeenCalledWith(runningHeaderCss(page));
    expect(window.webContents.print).toHaveBeenCalledWith(
      { silent: false, printBackground: true, pageSize: 'Letter' },
      expect.any(Function),
    );
    expect(window.close).toHaveBeenCalledTimes(1);
  });

  it('treats a cancelled print dialog as a choice, and a failed job as an error', async () => {
    const cancelled = fakeWindow({ printOutcome: [false, 'Print job canceled'] });
    await expect(setUp(cancelled).handlers['print:print']({ route, page })).resolves.toEqual({
      printed: false,
    });
    const failed = fakeWindow({ printOutcome: [false, 'Print job failed'] });
    await expect(setUp(failed).handlers['print:print']({ route, page })).rejects.toThrow(
      'The summary was not printed: Print job failed. Check the printer and try again.',
    );
    expect(failed.close).toHaveBeenCalledTimes(1);
  });
});
