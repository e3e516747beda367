/**
 * The page's side of the sealing worker: an `ArchiveSealer` (shared/archive/encryption.ts) whose
 * work runs in seal.worker.ts. Operations are queued and sent in batches of a few megabytes, the
 * entries' bytes transferred rather than copied; each batch is awaited before more are queued, so
 * at most one batch is in flight and memory stays bounded whatever the size of the archive.
 */
import type { ArchiveSealer, OpenSealer } from '../../../shared/archive/encryption';
import type { SealAnswer, SealOp, SealRequest } from './seal-protocol';
import { createWorkerClient, type WorkerLike } from './worker-client';

/** Bytes queued before a batch goes to the worker. */
const BATCH_BYTES = 4 * 1024 * 1024;

/** A buffer the view covers whole can be transferred; a view into a larger one is copied. */
function owned(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole =
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

export function createWorkerSealer(start: () => WorkerLike): OpenSealer {
  const client = createWorkerClient<SealRequest, SealAnswer>({
    start,
    label: 'the encryptor',
    // One batch (a few megabytes) or the key derivation takes seconds even on a busy machine; a
    // worker silent for this long is stuck, and the backup fails rather than wait for ever.
    timeoutMs: 5 * 60_000,
  });

  return async (passphrase, sink, options = {}) => {
    const begun = await client.request(
      { kind: 'begin', passphrase, kdf: options.kdf },
      { signal: options.signal },
    );
    const { session } = begun;
    if (begun.bytes.byteLength > 0) await sink(begun.bytes);
    let ops: SealOp[] = [];
    let transfer: ArrayBuffer[] = [];
    let queued = 0;

    const send = async (): Promise<void> => {
      if (ops.length === 0) return;
      const batch = ops;
      const buffers = transfer;
      ops = [];
      transfer = [];
      queued = 0;
      const answer = await client.request(
        { kind: 'seal', session, ops: batch },
        { signal: options.signal, transfer: buffers },
      );
      if (answer.bytes.byteLength > 0) await sink(answer.bytes);
    };

    const sealer: ArchiveSealer = {
      async beginEntry(name, deflate) {
        ops.push({ op: 'entry', name, deflate });
      },
      async push(bytes) {
        if (bytes.byteLength === 0) return;
        const own = owned(bytes);
        ops.push({ op: 'data', bytes: own });
        if (!transfer.includes(own.buffer)) transfer.push(own.buffer);
        queued += own.byteLength;
        if (queued >= BATCH_BYTES) await send();
      },
      async endEntry() {
        ops.push({ op: 'end-entry' });
        // Many small entries (a backup's files) are batched too, by their count.
        if (ops.length >= 2_000) await send();
      },
      async finish() {
        await send();
        const answer = await client.request(
          { kind: 'finish', session },
          { signal: options.signal },
        );
        if (answer.bytes.byteLength > 0) await sink(answer.bytes);
      },
      async abort() {
        ops = [];
        transfer = [];
        await client.request({ kind: 'abort', session }).catch(() => undefined);
      },
    };
    return sealer;
  };
}

let shared: OpenSealer | null = null;

/** Seals in the app's one sealing worker, started on first use. */
export const sealInWorker: OpenSealer = (passphrase, sink, options) => {
  shared ??= createWorkerSealer(
    () =>
      new Worker(new URL('./seal.worker.ts', import.meta.url), {
        type: 'module',
        name: 'casefile-sealer',
      }),
  );
  return shared(passphrase, sink, options);
};
