/**
 * The page's side of the hashing worker: `hash(blob, onProgress)` answers the SHA-256 as a
 * promise. One worker serves every request, started on first use; its answers are matched to
 * requests by id, and if the worker itself fails every waiting request is rejected (with a
 * message a person can act on) and the next request starts a fresh worker.
 */
import type { HashRequest, HashResponse } from './hash-protocol';

/** The parts of a Worker the client uses, so tests can hand it an in-process stand-in. */
export type HashWorker = {
  postMessage(message: HashRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HashResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
};

type Pending = {
  resolve: (sha256: string) => void;
  reject: (error: Error) => void;
  onProgress: (bytesDone: number) => void;
};

export type HashClient = {
  hash(blob: Blob, onProgress?: (bytesDone: number) => void): Promise<string>;
  dispose(): void;
};

export class HashingError extends Error {
  override name = 'HashingError';
}

export function createHashClient(startWorker: () => HashWorker): HashClient {
  let worker: HashWorker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(message: string) {
    for (const job of pending.values()) job.reject(new HashingError(message));
    pending.clear();
    worker?.terminate();
    worker = null;
  }

  function ensureWorker(): HashWorker {
    if (worker) return worker;
    const started = startWorker();
    started.addEventListener('message', (event) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') {
        job.onProgress(message.bytesDone);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'done') job.resolve(message.sha256);
      else job.reject(new HashingError(`The file could not be read: ${message.message}`));
    });
    started.addEventListener('error', (event) => {
      event.preventDefault?.();
      failAll('Casefile’s file checker stopped unexpectedly. Try again; nothing was stored.');
    });
    worker = started;
    return started;
  }

  return {
    hash(blob, onProgress = () => {}) {
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        ensureWorker().postMessage({ id, blob });
      });
    },
    dispose() {
      failAll('Hashing was stopped.');
    },
  };
}

let shared: HashClient | null = null;

/** The app's one hashing worker. */
export function hashClient(): HashClient {
  shared ??= createHashClient(
    () =>
      new Worker(new URL('./hash.worker.ts', import.meta.url), {
        type: 'module',
        name: 'casefile-hash',
      }) as unknown as HashWorker,
  );
  return shared;
}
