import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcessWorker, type InProcessWorker } from '../../workers/testing/in-process-worker';
import { createHashClient, HashingError } from './hash-client';
import { sha256OfBlob } from './sha256-slices';

const started: InProcessWorker[] = [];
afterEach(() => {
  for (const worker of started.splice(0)) worker.terminate();
});

/**
 * The worker in-process: the very hashing code the worker runs, behind the same request server,
 * with small slices so that a modest Blob crosses many slice boundaries.
 */
function hashingWorker(
  sliceBytes = 1000,
  hash: (blob: Blob, progress: (done: number) => void) => Promise<string> = (blob, progress) =>
    sha256OfBlob(blob, progress, sliceBytes),
) {
  const worker = inProcessWorker<Blob, string, number>((blob, { progress }) =>
    hash(blob, progress),
  );
  started.push(worker);
  return worker;
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the hashing worker’s client', () => {
  it('answers the same SHA-256 as Node for data spanning many slices, with rising progress', async () => {
    const bytes = randomBytes(10_500);
    const client = createHashClient(() => hashingWorker());
    const progress: number[] = [];
    const sha256 = await client.hash(new Blob([bytes]), (done) => progress.push(done));
    expect(sha256).toBe(digest(bytes));
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 10500]);
  });

  it('hashes the empty Blob to the well-known empty digest', async () => {
    const client = createHashClient(() => hashingWorker());
    await expect(client.hash(new Blob([]))).resolves.toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('routes concurrent answers to the request that asked, on one worker', async () => {
    const start = vi.fn<() => InProcessWorker>(() => hashingWorker());
    const client = createHashClient(start);
    const inputs = [randomBytes(5000), randomBytes(1), randomBytes(3333)];
    const results = await Promise.all(inputs.map((bytes) => client.hash(new Blob([bytes]))));
    expect(results).toEqual(inputs.map(digest));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('turns a read failure into an error naming it', async () => {
    const client = createHashClient(() =>
      hashingWorker(1000, () => Promise.reject(new Error('NotReadableError'))),
    );
    await expect(client.hash(new Blob(['x']))).rejects.toThrow(
      /could not be read: NotReadableError/,
    );
  });

  it('rejects what was waiting when the worker dies, and starts a new one next time', async () => {
    let first = true;
    const client = createHashClient(() => {
      // The first worker never answers: it crashes instead.
      const never = first;
      first = false;
      return hashingWorker(1000, never ? () => new Promise<string>(() => {}) : undefined);
    });
    const waiting = client.hash(new Blob(['abc']));
    await vi.waitFor(() => expect(started).toHaveLength(1));
    started[0]!.crash();
    await expect(waiting).rejects.toBeInstanceOf(HashingError);
    await expect(waiting).rejects.toThrow('stopped unexpectedly');
    expect(started[0]!.terminated()).toBe(true);
    await expect(client.hash(new Blob(['abc']))).resolves.toBe(
      digest(new TextEncoder().encode('abc')),
    );
    expect(started).toHaveLength(2);
  });
});
