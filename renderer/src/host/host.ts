/**
 * The renderer's one door to its host: the desktop preload's `window.casefile` when present,
 * otherwise the browser implementation. Calls answer values and throw `HostCallError` with the
 * host's message, which is already written for a person to read.
 */
import type { HostApi } from '../../../shared/host-api';
import type { HostErrorCode, IpcResult } from '../../../shared/ipc';
import { browserHost } from './browser-host';

export class HostCallError extends Error {
  readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string) {
    super(message);
    this.name = 'HostCallError';
    this.code = code;
  }
}

type Unwrapped = {
  [K in keyof HostApi]: HostApi[K] extends (args: infer A) => Promise<IpcResult<infer R>>
    ? (args: A) => Promise<R>
    : HostApi[K];
};

function unwrap(api: HostApi): Unwrapped {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api) as [string, (args: unknown) => unknown][]) {
    wrapped[name] =
      name === 'onMenuCommand'
        ? fn
        : async (args: unknown) => {
            const result = (await fn(args)) as IpcResult<unknown>;
            if (!result.ok) throw new HostCallError(result.error.code, result.error.message);
            return result.value;
          };
  }
  return wrapped as Unwrapped;
}

export const rawHost: HostApi = window.casefile ?? browserHost;
export const host = unwrap(rawHost);
export const isDesktop = window.casefile !== undefined;
