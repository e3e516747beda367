/**
 * A Blob's bytes in slices, in order, so a stored file of any size is read without holding it
 * whole; 1 MB keeps each step of the work that follows (hashing, zipping, sending) short. The next
 * slice is already being read while the caller works on the current one: a read of a Blob stored
 * in IndexedDB waits on the browser process, and waiting for each in turn would dominate.
 */
export const BLOB_SLICE_BYTES = 1024 * 1024;

export async function* blobSlices(
  blob: Blob,
  sliceBytes = BLOB_SLICE_BYTES,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const read = (at: number) => blob.slice(at, at + sliceBytes).arrayBuffer();
  let next: Promise<ArrayBuffer> | null = blob.size > 0 ? read(0) : null;
  try {
    for (let at = 0; next;) {
      const bytes = new Uint8Array(await next);
      at += sliceBytes;
      next = at < blob.size ? read(at) : null;
      yield bytes;
    }
  } finally {
    // A caller that stops early leaves one read in flight; its outcome no longer matters.
    next?.catch(() => undefined);
  }
}
