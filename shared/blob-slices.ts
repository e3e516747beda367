/**
 * A Blob's bytes in slices, in order, so a stored file of any size is read without holding it
 * whole; 1 MB keeps each step of the work that follows (hashing, zipping, sending) short.
 */
export const BLOB_SLICE_BYTES = 1024 * 1024;

export async function* blobSlices(
  blob: Blob,
  sliceBytes = BLOB_SLICE_BYTES,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  for (let at = 0; at < blob.size; at += sliceBytes) {
    yield new Uint8Array(await blob.slice(at, at + sliceBytes).arrayBuffer());
  }
}
