/**
 * What saving is in a plain browser: a download. Files that arrive in pieces (backups, case
 * bundles, copies of stored documents) are gathered as one Blob per piece, which Chromium keeps
 * outside the JavaScript heap and spills to disk when large, and downloaded whole on commit.
 */
import { appendSaveArgsSchema, endSaveArgsSchema, type IpcResult } from '../../../shared/ipc';

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function refused(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'invalid-argument', message } };
}

export function downloadBytes(bytes: Uint8Array<ArrayBuffer> | Blob, fileName: string): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its own reference by the next task; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Gathering = { name: string; type: string; parts: Blob[]; size: number };

/** Downloads that arrive in pieces, each known by the token `begin` gave it. */
export function createGatheredDownloads() {
  const inProgress = new Map<string, Gathering>();
  const downloads = {
    begin(name: string, type = 'application/octet-stream'): string {
      const token = crypto.randomUUID();
      inProgress.set(token, { name, type, parts: [], size: 0 });
      return token;
    },
    /** False when `token` is not a download in progress. */
    append(token: string, bytes: Uint8Array): boolean {
      const item = inProgress.get(token);
      if (!item) return false;
      // The Blob takes its own copy of the bytes, which the caller may then reuse.
      item.parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      item.size += bytes.byteLength;
      return true;
    },
    /** Hands the whole file to the browser; null when `token` is not a download in progress. */
    commit(token: string): { name: string; size: number; blob: Blob } | null {
      const item = inProgress.get(token);
      if (!item) return null;
      inProgress.delete(token);
      const blob = new Blob(item.parts, { type: item.type });
      downloadBytes(blob, item.name);
      return { name: item.name, size: item.size, blob };
    },
    abort(token: string): void {
      inProgress.delete(token);
    },
    /** A host method taking one validated piece; refused with `stale` for an unknown token. */
    appendMethod(stale: string, schema = appendSaveArgsSchema) {
      return async (args: unknown): Promise<IpcResult<void>> => {
        const parsed = schema.safeParse(args);
        return parsed.success && downloads.append(parsed.data.token, parsed.data.bytes)
          ? ok(undefined)
          : refused(stale);
      };
    },
    /** A host method that drops a download in progress; anything else is already gone. */
    abortMethod() {
      return async (args: unknown): Promise<IpcResult<void>> => {
        const parsed = endSaveArgsSchema.safeParse(args);
        if (parsed.success) downloads.abort(parsed.data.token);
        return ok(undefined);
      };
    },
  };
  return downloads;
}
