/** For tests of writes that fail half-way: a file opener on a disk that fills up. */
import { open, type FileHandle } from 'node:fs/promises';

type Write = (bytes: Uint8Array, offset: number, length: number) => Promise<unknown>;

/**
 * Opens real files whose first `wholeWrites` writes land; every later write lands half its bytes,
 * then fails the way a full disk does (ENOSPC).
 */
export function openOnFillingDisk(wholeWrites: number) {
  let writes = 0;
  return async (path: string, flags: string, mode?: number): Promise<FileHandle> => {
    const handle = await open(path, flags, mode);
    const write = handle.write.bind(handle) as unknown as Write;
    Object.assign(handle, {
      write: async (bytes: Uint8Array, offset: number, length: number) => {
        writes += 1;
        if (writes <= wholeWrites) return write(bytes, offset, length);
        await write(bytes, offset, Math.floor(length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    return handle;
  };
}
