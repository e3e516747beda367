import { describe, expect, it, vi } from 'vitest';
import { createQuitBackup } from './quit-backup';

function setUp({ hasWindow = true, quitWithoutFinishing = true } = {}) {
  const timers: Array<{ ms: number; fire: () => void; cancelled: boolean }> = [];
  const quit = vi.fn<() => void>();
  const askRendererToPrepare = vi.fn<() => boolean>(() => hasWindow);
  const confirmQuitDuringBackup = vi.fn<() => Promise<boolean>>(async () => quitWithoutFinishing);
  const quitBackup = createQuitBackup({
    askRendererToPrepare,
    quit,
    ackTimeoutMs: 5000,
    timeoutMs: 600_000,
    confirmQuitDuringBackup,
    setTimer: (callback, ms) => {
      const timer = { ms, fire: callback, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const event = () => ({ preventDefault: vi.fn<() => void>() });
  /** Fires the newest timer still pending, as time passing would. */
  const elapse = () => {
    const pending = timers.filter((timer) => !timer.cancelled).at(-1);
    pending?.fire();
    return pending?.ms;
  };
  return { quitBackup, quit, askRendererToPrepare, confirmQuitDuringBackup, event, elapse };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('backing up on quit', () => {
  it('holds the quit until the renderer is ready, then quits once', () => {
    const { quitBackup, quit, askRendererToPrepare, event } = setUp();
    const first = event();
    quitBackup.onBeforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(askRendererToPrepare).toHaveBeenCalledTimes(1);
    quitBackup.acknowledged(true);
    expect(quit).not.toHaveBeenCalled();
    quitBackup.ready();
    expect(quit).toHaveBeenCalledTimes(1);
    // The quit that follows goes through.
    const last = event();
    quitBackup.onBeforeQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('goes on with the quit when the renderer does not acknowledge within a few seconds', () => {
    const { quitBackup, quit, event, elapse } = setUp();
    quitBackup.onBeforeQuit(event());
    expect(quit).not.toHaveBeenCalled();
    expect(elapse()).toBe(5000);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('quits at once when the renderer acknowledges with no backup to make', () => {
    const { quitBackup, quit, event } = setUp();
    quitBackup.onBeforeQuit(event());
    quitBackup.acknowledged(false);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('gives a backup long to finish, but not for ever', () => {
    const { quitBackup, quit, event, elapse } = setUp();
    quitBackup.onBeforeQuit(event());
    quitBackup.acknowledged(true);
    expect(elapse()).toBe(600_000);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('asks "Quit without finishing the backup?" on a second quit, and quits if the person says so', async () => {
    const { quitBackup, quit, confirmQuitDuringBackup, event } = setUp();
    quitBackup.onBeforeQuit(event());
    quitBackup.acknowledged(true);
    const second = event();
    quitBackup.onBeforeQuit(second);
    expect(second.preventDefault).toHaveBeenCalled();
    // Quit is never called from inside before-quit; only once the person has answered.
    expect(quit).not.toHaveBeenCalled();
    expect(confirmQuitDuringBackup).toHaveBeenCalledTimes(1);
    await settle();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('keeps backing up when the person chooses to wait', async () => {
    const { quitBackup, quit, confirmQuitDuringBackup, event } = setUp({
      quitWithoutFinishing: false,
    });
    quitBackup.onBeforeQuit(event());
    quitBackup.acknowledged(true);
    quitBackup.onBeforeQuit(event());
    // While the question is open, more quits do not stack more questions.
    quitBackup.onBeforeQuit(event());
    expect(confirmQuitDuringBackup).toHaveBeenCalledTimes(1);
    await settle();
    expect(quit).not.toHaveBeenCalled();
    quitBackup.ready();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('lets the quit through, without starting another, when there is no window to back up from', () => {
    const { quitBackup, quit, event } = setUp({ hasWindow: false });
    const only = event();
    quitBackup.onBeforeQuit(only);
    expect(only.preventDefault).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });

  it('turns closing the last window into a quit that prepares first, except on macOS', () => {
    const { quitBackup, quit, event } = setUp();
    const onMac = event();
    quitBackup.onWindowClose(onMac, 'darwin');
    expect(onMac.preventDefault).not.toHaveBeenCalled();
    const onLinux = event();
    quitBackup.onWindowClose(onLinux, 'linux');
    expect(onLinux.preventDefault).toHaveBeenCalled();
    expect(quit).toHaveBeenCalledTimes(1);
  });
});
