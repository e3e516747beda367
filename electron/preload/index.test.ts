import type { IpcRendererEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../shared/host-api';
import { ipcChannels, ipcContract, MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc';

type Forward = (event: IpcRendererEvent, command: unknown) => void;
type Subscribe = (channel: string, listener: Forward) => void;

const electron = vi.hoisted(() => {
  const listeners = new Set<Forward>();
  return {
    listeners,
    exposeInMainWorld: vi.fn<(name: string, api: unknown) => void>(),
    invoke: vi.fn<(channel: string, args: unknown) => Promise<unknown>>(async (channel) => ({
      ok: true,
      value: channel,
    })),
    on: vi.fn<Subscribe>((_channel, listener) => {
      listeners.add(listener);
    }),
    removeListener: vi.fn<Subscribe>((_channel, listener) => {
      listeners.delete(listener);
    }),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: {
    invoke: electron.invoke,
    on: electron.on,
    removeListener: electron.removeListener,
  },
}));

await import('./index');
const [exposedName, api] = electron.exposeInMainWorld.mock.calls[0] as [string, HostApi];

/** Sends a menu command the way the main process does, with Electron's event object first. */
function sendMenuCommand(command: unknown) {
  const event = { sender: 'the ipcRenderer itself' } as unknown as IpcRendererEvent;
  for (const listener of electron.listeners) listener(event, command);
}

beforeEach(() => {
  electron.invoke.mockClear();
  electron.listeners.clear();
});

describe('preload', () => {
  it('exposes window.casefile with exactly the contract methods and onMenuCommand', () => {
    expect(exposedName).toBe('casefile');
    const expected = [
      ...ipcChannels.map((channel) => ipcContract[channel].method),
      'onMenuCommand',
    ];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
  });

  it('names each function after its method', () => {
    for (const channel of ipcChannels) {
      const { method } = ipcContract[channel];
      expect(api[method].name).toBe(method);
    }
  });

  it.each(ipcChannels)('calls %s with the argument as given', async (channel) => {
    const method = ipcContract[channel].method;
    const args = { marker: channel };
    const call = api[method] as (args: unknown) => Promise<unknown>;
    await expect(call(args)).resolves.toEqual({ ok: true, value: channel });
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(channel, args);
  });

  it('passes menu commands on without the event, and unsubscribes', () => {
    const listener = vi.fn<(command: MenuCommand) => void>();
    const unsubscribe = api.onMenuCommand(listener);
    sendMenuCommand('load-sample');
    expect(listener).toHaveBeenCalledExactlyOnceWith('load-sample');
    expect(electron.on).toHaveBeenLastCalledWith(MENU_COMMAND_CHANNEL, expect.any(Function));

    unsubscribe();
    sendMenuCommand('new-dispute');
    expect(listener).toHaveBeenCalledOnce();
    expect(electron.listeners.size).toBe(0);
  });

  it('ignores commands that are not in the menu contract', () => {
    const listener = vi.fn<(command: MenuCommand) => void>();
    api.onMenuCommand(listener);
    for (const command of ['format-disk', undefined, { command: 'new-dispute' }, 42]) {
      sendMenuCommand(command);
    }
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onMenuCommand('alert(1)' as never)).toThrow(TypeError);
  });
});
