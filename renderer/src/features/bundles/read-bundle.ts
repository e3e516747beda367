/**
 * Opens a `.casefile` file for import: the archive reader verifies the zip, manifest, checksums
 * and every record; then the bundle is checked as a whole. Nothing is written here, so a file
 * that fails any check leaves the case files untouched.
 */
import type { ArchiveEntrySource } from '../../../../shared/archive/entry-source';
import { readArchive } from '../../../../shared/archive/read-archive';
import type { ArchiveManifest } from '../../../../shared/archive/manifest';
import type { BundleContent } from './bundle-content';
import { BundleError, checkBundle } from './check-bundle';

export type OpenedBundle = BundleContent & { manifest: ArchiveManifest };

export async function readBundle(
  file: Blob | ArchiveEntrySource,
  onProgress?: (progress: { done: number; total: number; phase: string }) => void,
  signal?: AbortSignal,
): Promise<OpenedBundle> {
  // Places only: a backup offered here may hold 50,000 files, and slicing each would be wasted.
  const { manifest, tables, ranges, source } = await readArchive(file, {
    onProgress,
    signal,
    slices: false,
  });
  if (manifest.kind !== 'bundle') {
    throw new BundleError(
      'not-a-bundle',
      'This file is a backup of a whole database, not a case bundle; use “Restore from backup…” for it.',
    );
  }
  const files = new Map<string, Blob>();
  // `source` is the file itself, or an encrypted file's stored files as they were opened.
  for (const [sha256, { start, end }] of ranges) files.set(sha256, source.slice(start, end));
  return { ...checkBundle(tables, files), manifest };
}
