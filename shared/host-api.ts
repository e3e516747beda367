/**
 * What the renderer may ask of its host. The desktop preload exposes exactly this object as
 * `window.casefile`; `renderer/src/host/` implements it again with what a plain browser has.
 * Every call answers an `IpcResult` rather than throwing, because errors do not survive Electron's
 * structured clone with their type intact; the renderer's `host` wrapper turns them back into
 * thrown `HostCallError`s.
 */
import type {
  ChannelArgs,
  ChannelResult,
  IpcChannel,
  IpcContract,
  IpcResult,
  MenuCommand,
} from './ipc';

type MethodOf<C extends IpcChannel> = IpcContract[C]['method'];

export type HostApi = {
  [C in IpcChannel as MethodOf<C>]: (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;
} & {
  /** Subscribes to the application menu; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

export type HostMethod = keyof HostApi;

declare global {
  interface Window {
    casefile?: HostApi;
  }
}
