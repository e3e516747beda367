import { describe, expect, it, vi } from 'vitest';
import { createQuitBackup } from './quit-backup';

function setUp(hasWindow = true) {
  let fireTimeout: (() => void) | null = null;
  const quit = vi.fn<() => void>();
  const askRendererToPrepare = vi.fn<() => boolean>(() => hasWindow);
  const quitBackup = createQuitBackup({
    askRendererToPrepare,
    quit,
    timeoutMs: 1000,
    setTimer: (callback) => {
      fireTimeout = callback;
      return () => {
        fireTimeout = null;
      };
    },
  });
  const event = () => ({ preventDefault: vi.fn<() => void>() });
  return { quitBackup, quit, askRendererToPrepare, event, timeout: () => fireTimeout?.() };
}

describe('backing up on quit', () => {
  it('holds the quit until the renderer is ready, then quits once', () => {
    const { quitBackup, quit, askRendererToPrepare, event } = setUp();
    const first = event();
    quitBackup.onBeforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(askRendererToPrepare).toHaveBeenCalledTimes(1);
    // A second quit request while the backup runs does not ask again.
    quitBackup.onBeforeQuit(event());
    expect(askRendererToPrepare).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();
    quitBackup.ready();
    expect(quit).toHaveBeenCalledTimes(1);
    // The quit that follows goes through.
    const last = event();
    quitBackup.onBeforeQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('quits after the timeout when the renderer never answers', () => {
    const { quitBackup, quit, event, timeout } = setUp();
    quitBackup.onBeforeQuit(event());
    expect(quit).not.toHaveBeenCalled();
    timeout();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('quits at once when there is no window to back up from', () => {
    const { quitBackup, quit, event } = setUp(false);
    quitBackup.onBeforeQuit(event());
    expect(quit).toHaveBeenCalledTimes(1);
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
