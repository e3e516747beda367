import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions, MessageBoxReturnValue, RenderProcessGoneDetails } from 'electron';
import { watchRendererHealth } from './renderer-health';

vi.mock('electron', () => ({}));

function setUp(answer: (options: MessageBoxOptions) => Promise<number>) {
  const windowListeners = new Map<string, () => void>();
  let gone: ((event: unknown, details: RenderProcessGoneDetails) => void) | undefined;
  const reload = vi.fn<() => void>();
  const window = {
    isDestroyed: () => false,
    webContents: {
      on: (_name: 'render-process-gone', listener: typeof gone) => {
        gone = listener;
      },
      reload,
    },
    on: (name: string, listener: () => void) => {
      windowListeners.set(name, listener);
    },
  };
  const showMessageBox = vi.fn<(options: MessageBoxOptions) => Promise<MessageBoxReturnValue>>(
    async (options) => ({ response: await answer(options), checkboxChecked: false }),
  );
  const quit = vi.fn<() => void>();
  const log = vi.fn<(message: string) => void>();
  watchRendererHealth(window as never, { dialog: { showMessageBox } as never, quit, log });
  const crash = (reason: RenderProcessGoneDetails['reason']) =>
    gone?.({}, { reason, exitCode: 133 } as RenderProcessGoneDetails);
  return { windowListeners, reload, quit, log, showMessageBox, crash };
}

describe('a crashed or frozen window', () => {
  it('offers Reload or Quit after a crash, logs why, and reloads', async () => {
    const { crash, showMessageBox, reload, log } = setUp(async () => 0);
    crash('crashed');
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(showMessageBox.mock.calls[0]![0].buttons).toEqual(['Reload', 'Quit']);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('crashed (exit code 133)'));
  });

  it('quits when the person chooses Quit', async () => {
    const { crash, quit, reload } = setUp(async () => 1);
    crash('oom');
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(reload).not.toHaveBeenCalled();
  });

  it('ignores the clean exit of a closing window', () => {
    const { crash, showMessageBox } = setUp(async () => 0);
    crash('clean-exit');
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('reloads rather than leave a blank window when the dialog cannot be shown', async () => {
    const { crash, reload } = setUp(async () => {
      throw new Error('no dialog');
    });
    crash('crashed');
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
  });

  it('asks once about a freeze, and withdraws the question when the window recovers', async () => {
    let signal: AbortSignal | undefined;
    const { windowListeners, showMessageBox, reload, quit } = setUp(
      (options) =>
        new Promise((resolve) => {
          signal = options.signal;
          // Electron answers the cancel button when the signal aborts the box.
          options.signal?.addEventListener('abort', () => resolve(0));
        }),
    );
    windowListeners.get('unresponsive')?.();
    windowListeners.get('unresponsive')?.();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(showMessageBox.mock.calls[0]![0].buttons).toEqual(['Wait', 'Reload', 'Quit']);
    windowListeners.get('responsive')?.();
    expect(signal?.aborted).toBe(true);
    await Promise.resolve();
    expect(reload).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });
});
