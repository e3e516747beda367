import { describe, expect, it, vi } from 'vitest';
import { cleanUpAtQuit, runCleanups } from './quit-cleanup';

function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const quit = vi.fn<() => void>();
  const app = {
    on: (_name: 'will-quit', handler: (event: { preventDefault(): void }) => void) => {
      listener = handler;
    },
    quit,
  };
  const willQuit = () => {
    const event = { preventDefault: vi.fn<() => void>() };
    listener?.(event);
    return event;
  };
  return { app, quit, willQuit };
}

const busy = () => Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });

describe('cleaning up at quit', () => {
  it('runs every clean-up even when some throw or reject, and says which failed', async () => {
    const ran: string[] = [];
    const log = vi.fn<(message: string, error: unknown) => void>();
    const failed = await runCleanups(
      [
        {
          name: 'temporary copies',
          run: () => {
            throw busy();
          },
        },
        {
          name: 'saves',
          run: async () => {
            ran.push('saves');
            throw busy();
          },
        },
        { name: 'backups', run: async () => void ran.push('backups') },
      ],
      log,
    );
    expect(ran).toEqual(['saves', 'backups']);
    expect(failed).toEqual(['temporary copies', 'saves']);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('holds the quit until the clean-ups are done, then quits once', async () => {
    const { app, quit, willQuit } = fakeApp();
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    cleanUpAtQuit(app, [{ name: 'slow', run: () => slow }]);
    expect(willQuit().preventDefault).toHaveBeenCalled();
    // A second quit while tidying neither starts it again nor lets the quit through early.
    expect(willQuit().preventDefault).toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(willQuit().preventDefault).not.toHaveBeenCalled();
  });

  it('quits after the bound when a clean-up never ends', async () => {
    const { app, quit, willQuit } = fakeApp();
    cleanUpAtQuit(app, [{ name: 'stuck', run: () => new Promise<void>(() => {}) }], {
      timeoutMs: 20,
    });
    willQuit();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });

  it('quits even when every clean-up fails', async () => {
    const { app, quit, willQuit } = fakeApp();
    cleanUpAtQuit(
      app,
      [
        {
          name: 'a',
          run: () => {
            throw busy();
          },
        },
      ],
      { log: () => {} },
    );
    willQuit();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });
});
