import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createHashClient, HashingError, type HashWorker } from './hash-client';
import type { HashRequest, HashResponse } from './hash-protocol';
import { sha256OfBlob } from './sha256-slices';

type Listener = (event: { data?: HashResponse; preventDefault?: () => void }) => void;

/**
 * Stands in for the worker in-process: it runs the very hashing code the worker runs, with small
 * slices so that a modest Blob crosses many slice boundaries, and answers through the same
 * message shapes. `crash()` fires the worker's error event.
 */
function inProcessWorker(sliceBytes = 1000) {
  const listeners: Record<string, Listener[]> = { message: [], error: [] };
  const emit = (type: string, event: Parameters<Listener>[0]) =>
    listeners[type]!.forEach((listener) => listener(event));
  const worker = {
    terminated: false,
    postMessage({ id, blob }: HashRequest) {
      void sha256OfBlob(
        blob,
        (bytesDone) => emit('message', { data: { id, type: 'progress', bytesDone } }),
        sliceBytes,
      )
        .then((sha256) => emit('message', { data: { id, type: 'done', sha256 } }))
        .catch((error: Error) =>
          emit('message', { data: { id, type: 'error', message: error.message } }),
        );
    },
    addEventListener(type: string, listener: Listener) {
      listeners[type]!.push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
    crash() {
      emit('error', { preventDefault: () => {} });
    },
  };
  return worker;
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the hashing worker’s client', () => {
  it('answers the same SHA-256 as Node for data spanning many slices, with rising progress', async () => {
    const bytes = randomBytes(10_500);
    const client = createHashClient(() => inProcessWorker() as unknown as HashWorker);
    const progress: number[] = [];
    const sha256 = await client.hash(new Blob([bytes]), (done) => progress.push(done));
    expect(sha256).toBe(digest(bytes));
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 10500]);
  });

  it('hashes the empty Blob to the well-known empty digest', async () => {
    const client = createHashClient(() => inProcessWorker() as unknown as HashWorker);
    await expect(client.hash(new Blob([]))).resolves.toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('routes concurrent answers to the request that asked, on one worker', async () => {
    const start = vi.fn<() => HashWorker>(() => inProcessWorker() as unknown as HashWorker);
    const client = createHashClient(start);
    const inputs = [randomBytes(5000), randomBytes(1), randomBytes(3333)];
    const results = await Promise.all(inputs.map((bytes) => client.hash(new Blob([bytes]))));
    expect(results).toEqual(inputs.map(digest));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('turns a read failure into an error naming it', async () => {
    const client = createHashClient(() => inProcessWorker() as unknown as HashWorker);
    const unreadable = new Blob(['x']);
    vi.spyOn(unreadable, 'slice').mockImplementation(() => {
      throw new Error('NotReadableError');
    });
    await expect(client.hash(unreadable)).rejects.toThrow(/could not be read: NotReadableError/);
  });

  it('rejects what was waiting when the worker dies, and starts a new one next time', async () => {
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const client = createHashClient(() => {
      const worker = inProcessWorker();
      // The first worker never answers: it crashes instead.
      if (workers.length === 0) worker.postMessage = () => {};
      workers.push(worker);
      return worker as unknown as HashWorker;
    });
    const waiting = client.hash(new Blob(['abc']));
    workers[0]!.crash();
    await expect(waiting).rejects.toBeInstanceOf(HashingError);
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.hash(new Blob(['abc']))).resolves.toBe(
      digest(new TextEncoder().encode('abc')),
    );
    expect(workers).toHaveLength(2);
  });
});
