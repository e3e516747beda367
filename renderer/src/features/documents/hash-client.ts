/**
 * The page's side of the hashing worker: `hash(blob, onProgress)` answers the SHA-256 as a
 * promise. It is the app's one worker client (../../workers/worker-client.ts) under a hashing
 * face: one worker serves every request, started on first use; if the worker fails every
 * waiting request is rejected with a message a person can act on, and the next request starts a
 * fresh worker.
 */
import {
  createWorkerClient,
  WorkerClientError,
  type WorkerLike,
} from '../../workers/worker-client';

export type HashClient = {
  hash(blob: Blob, onProgress?: (bytesDone: number) => void): Promise<string>;
  dispose(): void;
};

export class HashingError extends Error {
  override name = 'HashingError';
}

function hashingError(error: unknown): Error {
  if (!(error instanceof WorkerClientError)) return error as Error;
  if (error.reason === 'rejected') {
    return new HashingError(`The file could not be read: ${error.message}`);
  }
  if (error.reason === 'failed') {
    return new HashingError(
      'Casefile’s file checker stopped unexpectedly. Try again; nothing was stored.',
    );
  }
  return new HashingError(error.message);
}

export function createHashClient(start: () => WorkerLike): HashClient {
  const client = createWorkerClient<Blob, string, number>({
    start,
    label: 'Casefile’s file checker',
  });
  return {
    hash: (blob, onProgress) =>
      client.request(blob, { onProgress }).catch((error: unknown) => {
        throw hashingError(error);
      }),
    dispose: () => client.dispose(),
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
      }),
  );
  return shared;
}
