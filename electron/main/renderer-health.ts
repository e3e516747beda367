/**
 * When the window's page crashes or freezes. Chromium then shows a blank (or frozen) window and
 * Electron does nothing more; a counsel would see an empty Casefile and think their case files
 * gone. Instead the reason is logged and a dialog offers what can be done: reload the page (the
 * case files are in the database, untouched) or quit. A freeze may pass, so there it also offers
 * to wait, and the question goes away by itself if the page recovers.
 */
import type { Dialog, MessageBoxOptions, RenderProcessGoneDetails } from 'electron';

/** The parts of a BrowserWindow this needs, so tests can stand in for Electron. */
export type WatchedWindow = {
  isDestroyed(): boolean;
  webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: RenderProcessGoneDetails) => void,
    ): unknown;
    reload(): void;
  };
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
};

export type RendererHealthDeps = {
  dialog: Pick<Dialog, 'showMessageBox'>;
  quit(): void;
  log?: (message: string) => void;
};

export function watchRendererHealth(window: WatchedWindow, deps: RendererHealthDeps) {
  const log = deps.log ?? ((message: string) => console.error(message));
  let asking: AbortController | null = null;

  const ask = async (options: MessageBoxOptions, actions: Array<() => void>) => {
    if (asking) return;
    asking = new AbortController();
    try {
      const { response } = await deps.dialog.showMessageBox({ ...options, signal: asking.signal });
      if (!window.isDestroyed()) actions[response]?.();
    } catch (error) {
      // Without an answer, a reload is the one thing that never leaves a blank window.
      log(`Casefile could not ask what to do about the window: ${String(error)}`);
      if (!window.isDestroyed()) window.webContents.reload();
    } finally {
      asking = null;
    }
  };

  const reload = () => window.webContents.reload();

  window.webContents.on('render-process-gone', (_event, details) => {
    // A clean exit is the window closing, not a failure.
    if (details.reason === 'clean-exit') return;
    log(`Casefile's window stopped: ${details.reason} (exit code ${details.exitCode})`);
    void ask(
      {
        type: 'error',
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 0,
        message: 'Casefile’s window stopped working',
        detail: `Reason: ${details.reason}. Your case files are safe in the database. Reload the window to carry on; anything typed but not yet saved is lost.`,
      },
      [reload, deps.quit],
    );
  });

  window.on('unresponsive', () => {
    log('Casefile’s window is not responding');
    void ask(
      {
        type: 'warning',
        buttons: ['Wait', 'Reload', 'Quit'],
        defaultId: 0,
        cancelId: 0,
        message: 'Casefile is not responding',
        detail:
          'It may be busy with a large file. Wait a little, or reload the window; anything typed but not yet saved is lost by reloading.',
      },
      [() => {}, reload, deps.quit],
    );
  });

  window.on('responsive', () => {
    // The page recovered on its own: the question is no longer needed.
    asking?.abort();
  });
}
