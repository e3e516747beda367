/**
 * Backs up on quit. The renderer owns the database, so on `before-quit` the main process holds the
 * quit, asks the renderer to prepare (it backs up if the person chose that), and quits when the
 * renderer says it is ready, or after a timeout, so a hung renderer can never keep Casefile open.
 */
export type QuitBackupDeps = {
  /** Asks the renderer to prepare; false when there is no window to ask. */
  askRendererToPrepare: () => boolean;
  quit: () => void;
  timeoutMs: number;
  setTimer?: (callback: () => void, ms: number) => () => void;
};

export function createQuitBackup(deps: QuitBackupDeps) {
  let state: 'running' | 'preparing' | 'ready' = 'running';
  let cancelTimer: (() => void) | null = null;
  const setTimer =
    deps.setTimer ??
    ((callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    });

  const finish = () => {
    if (state === 'ready') return;
    state = 'ready';
    cancelTimer?.();
    cancelTimer = null;
    deps.quit();
  };

  return {
    /** Call from `app.on('before-quit')`. */
    onBeforeQuit(event: { preventDefault(): void }): void {
      if (state === 'ready') return;
      event.preventDefault();
      if (state === 'preparing') return;
      if (!deps.askRendererToPrepare()) {
        finish();
        return;
      }
      state = 'preparing';
      cancelTimer = setTimer(finish, deps.timeoutMs);
    },
    /**
     * Call from the main window's `close`: on Windows and Linux closing the last window quits, and
     * by then the window could no longer back up, so the close becomes a quit that prepares first.
     */
    onWindowClose(event: { preventDefault(): void }, platform: NodeJS.Platform): void {
      if (platform === 'darwin' || state === 'ready') return;
      event.preventDefault();
      if (state === 'running') deps.quit();
    },
    /** The renderer is done (backed up or not): quit now. */
    ready(): void {
      if (state === 'preparing') finish();
    },
  };
}
