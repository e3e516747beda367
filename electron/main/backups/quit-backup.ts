/**
 * Backs up on quit, without ever letting a quit hang. The renderer owns the database, so on
 * `before-quit` the main process holds the quit and asks the renderer to prepare. The renderer
 * must acknowledge within a few seconds (a renderer still starting up, or stuck on a blocked
 * database, never does, and the quit goes on); its acknowledgement says whether it is backing up.
 * A backup gets a generous time to finish; a second quit while it runs asks the person whether to
 * quit without finishing it. The quit that follows is never started inside `before-quit` itself:
 * when there is nothing to wait for, `before-quit` simply lets the quit through.
 */
export type QuitBackupDeps = {
  /** Asks the renderer to prepare; false when there is no window to ask. */
  askRendererToPrepare: () => boolean;
  quit: () => void;
  /** How long the renderer has to acknowledge `prepare-to-quit`. */
  ackTimeoutMs: number;
  /** How long a backup on quit may take before Casefile quits anyway. */
  timeoutMs: number;
  /** "Quit without finishing the backup?": true to quit now. */
  confirmQuitDuringBackup: () => Promise<boolean>;
  setTimer?: (callback: () => void, ms: number) => () => void;
};

type State = 'running' | 'asking' | 'backing-up' | 'ready';

export function createQuitBackup(deps: QuitBackupDeps) {
  let state: State = 'running';
  let confirming = false;
  let cancelTimer: (() => void) | null = null;
  const setTimer =
    deps.setTimer ??
    ((callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    });

  const wait = (ms: number) => {
    cancelTimer?.();
    cancelTimer = setTimer(finish, ms);
  };

  function finish() {
    if (state === 'ready') return;
    state = 'ready';
    cancelTimer?.();
    cancelTimer = null;
    deps.quit();
  }

  /** A second quit while the backup runs: the person decides. */
  const confirm = () => {
    if (confirming) return;
    confirming = true;
    deps
      .confirmQuitDuringBackup()
      .then((quitNow) => {
        if (quitNow) finish();
      })
      .catch((error: unknown) => console.error('Casefile could not ask about the backup', error))
      .finally(() => {
        confirming = false;
      });
  };

  return {
    /** Call from `app.on('before-quit')`. */
    onBeforeQuit(event: { preventDefault(): void }): void {
      if (state === 'ready') return;
      if (state === 'running') {
        if (!deps.askRendererToPrepare()) {
          // Nothing to wait for: let this very quit go on rather than start another one.
          state = 'ready';
          return;
        }
        event.preventDefault();
        state = 'asking';
        wait(deps.ackTimeoutMs);
        return;
      }
      event.preventDefault();
      if (state === 'backing-up') confirm();
    },
    /**
     * Call from the main window's `close`: on Windows and Linux closing the last window quits, and
     * by then the window could no longer back up, so the close becomes a quit that prepares first.
     */
    onWindowClose(event: { preventDefault(): void }, platform: NodeJS.Platform): void {
      if (platform === 'darwin' || state === 'ready') return;
      event.preventDefault();
      if (state === 'running') deps.quit();
      else if (state === 'backing-up') confirm();
    },
    /** The renderer has received `prepare-to-quit`; `backingUp` says whether there is a backup to await. */
    acknowledged(backingUp: boolean): void {
      if (state !== 'asking') return;
      if (!backingUp) {
        finish();
        return;
      }
      state = 'backing-up';
      wait(deps.timeoutMs);
    },
    /** The renderer is done (backed up or not): quit now. */
    ready(): void {
      if (state === 'asking' || state === 'backing-up') finish();
    },
  };
}
