/**
 * Batching for what crosses to the host in pieces (backups, streamed saves): one IPC message per
 * few megabytes rather than one per zip chunk, and never one message for a whole file.
 */

/** Chunks are gathered up to this size before crossing to the host. */
export const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Gathers small chunks into batches of about `batchBytes` for `send`; `flush` sends the rest.
 * A chunk of at least half a batch (a file's slice, typically) goes as it is, after whatever is
 * pending, so the bulk of the bytes is never copied just to be batched; one larger than a batch
 * is sent in pieces of a batch.
 */
export function batched(
  send: (bytes: Uint8Array<ArrayBuffer>) => Promise<void>,
  batchBytes = BATCH_BYTES,
) {
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of batch) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    batch = [];
    size = 0;
    await send(bytes);
  };
  const write = async (chunk: Uint8Array): Promise<void> => {
    for (let start = 0; start < chunk.byteLength; start += batchBytes) {
      const piece = chunk.subarray(start, start + batchBytes);
      if (piece.byteLength >= batchBytes / 2) {
        await flush();
        // A copy only when the piece is a view into a larger buffer, which would cross whole.
        const whole =
          piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer;
        await send(whole ? (piece as Uint8Array<ArrayBuffer>) : piece.slice());
        continue;
      }
      batch.push(piece);
      size += piece.byteLength;
      if (size >= batchBytes) await flush();
    }
  };
  return { write, flush };
}
