/**
 * The preload gives the page `window.casefile`: one named function per method of the IPC contract,
 * each a single `ipcRenderer.invoke` on its own channel, plus a menu subscription. Nothing else
 * crosses: no `ipcRenderer`, no generic `invoke(channel)`, no Electron event objects. It runs
 * sandboxed, so it is bundled into one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi } from '../../shared/host-api';
import {
  ipcChannels,
  ipcContract,
  MENU_COMMAND_CHANNEL,
  menuCommands,
  type MenuCommand,
} from '../../shared/ipc';

type Bridge = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isMenuCommand(value: unknown): value is MenuCommand {
  return (menuCommands as readonly unknown[]).includes(value);
}

export function createHostApi(bridge: Bridge): HostApi {
  const methods: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const channel of ipcChannels) {
    const method = ipcContract[channel].method;
    // Each function carries its method's name and closes over exactly one channel.
    methods[method] = {
      [method]: (args: unknown) => bridge.invoke(channel, args),
    }[method] as (args: unknown) => Promise<unknown>;
  }

  const onMenuCommand = (listener: (command: MenuCommand) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    bridge.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      bridge.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  };

  // The loop above builds exactly the contract's methods; TypeScript cannot see that through it.
  return { ...methods, onMenuCommand } as HostApi;
}

contextBridge.exposeInMainWorld('casefile', createHostApi(ipcRenderer));
