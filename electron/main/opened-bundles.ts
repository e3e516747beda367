/**
 * `.casefile` bundles opened with Casefile: double-clicked (the packaged app's file association),
 * given as an argument, or handed to the running Casefile by a second start (single-instance) or
 * by macOS's `open-file`. The main process remembers each path and tells the renderer
 * ('open-bundle-file'); the renderer takes the next one and reads its bytes in pieces through a
 * random token, into its existing import dialog, which checks the whole bundle before anything
 * is written. A path never comes from the renderer, so no page can read an arbitrary file.
 */
import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { OpenedBundleFile } from '../../shared/ipc';
import { UserFacingError, type IpcHandlers } from './ipc';

export const BUNDLE_EXTENSION = '.casefile';

export type OpenedBundleHandlers = Pick<
  IpcHandlers,
  'files:take-opened-bundle' | 'files:read-opened-bundle'
>;

/** The bundle paths among a command line's arguments (Electron's own flags excluded). */
export function bundlePathsIn(argv: readonly string[]): string[] {
  return argv.filter(
    (arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === BUNDLE_EXTENSION,
  );
}

export function createOpenedBundles({ notify }: { notify: () => void }) {
  const waiting: string[] = [];
  const taken = new Map<string, string>();

  const handlers: OpenedBundleHandlers = {
    'files:take-opened-bundle': async (): Promise<OpenedBundleFile | null> => {
      for (let path = waiting.shift(); path !== undefined; path = waiting.shift()) {
        try {
          const info = await stat(path);
          if (!info.isFile()) continue;
          const token = randomUUID();
          taken.set(token, path);
          return { token, name: basename(path), size: info.size };
        } catch {
          throw new UserFacingError(
            `“${basename(path)}” could not be opened: it is no longer there or cannot be read. Nothing was imported.`,
          );
        }
      }
      return null;
    },
    'files:read-opened-bundle': async ({ token, offset, length }) => {
      const path = taken.get(token);
      if (path === undefined) {
        throw new UserFacingError('That bundle is no longer open. Open it again.');
      }
      const file = await open(path, 'r');
      try {
        const bytes = new Uint8Array(length);
        const { bytesRead } = await file.read(bytes, 0, length, offset);
        return bytes.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
  };

  return {
    handlers,
    /** Remembers bundles opened with Casefile and tells the renderer, if any were. */
    add(paths: readonly string[]) {
      if (paths.length === 0) return;
      waiting.push(...paths);
      notify();
    },
  };
}
