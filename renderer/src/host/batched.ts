/**
 * Batching for what crosses to the host in pieces (backups, streamed saves): one IPC message per
 * few megabytes rather than one per zip chunk, and never one message for a whole file.
 */

/** Chunks are gathered up to this size before crossing to the host. */
export const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Gathers small chunks into batches of about `batchBytes` for `send`; `flush` sends the rest.
 * Larger chunks are split so no batch is much over the limit.
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
      batch.push(piece);
      size += piece.byteLength;
      if (size >= batchBytes) await flush();
    }
  };
  return { write, flush };
}
