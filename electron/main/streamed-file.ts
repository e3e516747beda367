/**
 * A file that arrives from the renderer in pieces and appears under its name only once it is whole.
 * `begin` opens a temporary file beside the target, `append` writes each piece as it comes (so
 * memory holds one piece, never the file), `commit` fsyncs it, renames it over the target and
 * fsyncs the folder, `abort` removes it. Any failure removes the temporary file too, so a crash or
 * a full disk never leaves a partial file where a whole one is expected. Backups and streamed
 * saves ("Export case bundle…", "Save a copy…") and the temporary copies opened in other apps all
 * write this way.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder } from './atomic-write';
import { UserFacingError } from './ipc';

export type StreamedFilesDeps = {
  /** Said when a token is not (or no longer) a file being written. */
  notInProgress: string;
  /** Turns a file system failure into what the person reads; `path` is the target. */
  describeError(path: string, error: unknown): unknown;
  /** The file system call that can fail half-way; tests inject failures here. */
  openFile?: (path: string, flags: string, mode?: number) => Promise<FileHandle>;
  /** Permissions of the new file (before the umask); 0o666 unless said. */
  mode?: number;
  /**
   * Whether `commit` flushes the file and its folder to disk before answering: yes for what must
   * survive a power cut (backups, saves), no for a temporary copy that lives as long as the run.
   */
  durable?: boolean;
};

type Writing = { finalPath: string; tempPath: string; file: FileHandle; size: number };

export function createStreamedFiles(deps: StreamedFilesDeps) {
  const openFile =
    deps.openFile ?? ((path: string, flags: string, mode?: number) => open(path, flags, mode));
  const durable = deps.durable ?? true;
  const writing = new Map<string, Writing>();

  const take = (token: string): Writing => {
    const item = writing.get(token);
    if (!item) throw new UserFacingError(deps.notInProgress);
    return item;
  };

  const discard = async (token: string): Promise<void> => {
    const item = writing.get(token);
    if (!item) return;
    writing.delete(token);
    await item.file.close().catch(() => undefined);
    await rm(item.tempPath, { force: true });
  };

  return {
    /** Opens `tempPath` (which must not exist) for a file that will become `finalPath`. */
    async begin(finalPath: string, tempPath: string): Promise<string> {
      const token = randomUUID();
      try {
        const file = await openFile(tempPath, 'wx', deps.mode ?? 0o666);
        writing.set(token, { finalPath, tempPath, file, size: 0 });
      } catch (error) {
        throw deps.describeError(finalPath, error);
      }
      return token;
    },

    async append(token: string, bytes: Uint8Array): Promise<void> {
      const item = take(token);
      try {
        let written = 0;
        while (written < bytes.byteLength) {
          const { bytesWritten } = await item.file.write(
            bytes,
            written,
            bytes.byteLength - written,
          );
          written += bytesWritten;
        }
        item.size += written;
      } catch (error) {
        // A failed write ends this file: nothing partial stays.
        await discard(token);
        throw deps.describeError(item.finalPath, error);
      }
    },

    async commit(token: string): Promise<{ path: string; size: number }> {
      const item = take(token);
      try {
        if (durable) await item.file.sync();
        await item.file.close();
        writing.delete(token);
        await rename(item.tempPath, item.finalPath);
        if (durable) await syncFolder(dirname(item.finalPath));
      } catch (error) {
        await discard(token);
        await rm(item.tempPath, { force: true });
        throw deps.describeError(item.finalPath, error);
      }
      return { path: item.finalPath, size: item.size };
    },

    async abort(token: string): Promise<void> {
      await discard(token);
    },

    /** Ends every unfinished file, e.g. when the app quits mid-way. */
    async abortAll(): Promise<void> {
      for (const token of [...writing.keys()]) await discard(token);
    },

    /** Whether `tempPath` belongs to a file still being written (and so is not stale). */
    isUnfinished(tempPath: string): boolean {
      return [...writing.values()].some((item) => item.tempPath === tempPath);
    },
  };
}

export type StreamedFiles = ReturnType<typeof createStreamedFiles>;
