/**
 * SHA-256 of a Blob of any size, read in slices so memory stays flat (a 2 GB filing is never
 * held whole) and progress can be reported. The next slice is read while the current one is
 * hashed. Runs inside the hashing worker; kept apart from it so it can be tested directly.
 */
import { createSHA256 } from 'hash-wasm';

export const HASH_SLICE_BYTES = 32 * 1024 * 1024;

export async function sha256OfBlob(
  blob: Blob,
  onProgress: (bytesDone: number) => void = () => {},
  sliceBytes = HASH_SLICE_BYTES,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  const read = (start: number) =>
    blob.slice(start, Math.min(start + sliceBytes, blob.size)).arrayBuffer();
  let start = 0;
  let next = blob.size > 0 ? read(0) : null;
  while (next) {
    const bytes = new Uint8Array(await next);
    const following = start + bytes.byteLength;
    next = following < blob.size ? read(following) : null;
    hasher.update(bytes);
    start = following;
    onProgress(start);
  }
  return hasher.digest('hex');
}
