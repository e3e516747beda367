/**
 * Writes a file so that it is either entirely the new bytes or untouched: the bytes go to a temp
 * file beside the target, are flushed to disk, then renamed over the target (a rename within one
 * folder is atomic). A crash or a full disk midway leaves the old file as it was and no temp file.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(targetPath: string, bytes: Uint8Array) {
  const folder = dirname(targetPath);
  const tempPath = join(folder, `.${basename(targetPath)}.${randomUUID()}.tmp`);
  try {
    const file = await open(tempPath, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tempPath, targetPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Flushes the folder entry so the rename itself survives a power cut. Windows cannot open a
 * folder for this and makes renames durable on its own, so there it is skipped.
 */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
