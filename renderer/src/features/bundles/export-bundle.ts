/**
 * Writes one dispute as a `.casefile` bundle: the same zip format as a backup (shared/archive),
 * with `kind: 'bundle'` and the dispute's id and title in the manifest. The archive is written
 * piece by piece to wherever `write` sends it: the host's streamed save in the app, so a dispute
 * with gigabytes of filings is never held in memory; a Blob in tests.
 */
import { CURRENT_SCHEMA_VERSION } from '../../../../shared/archive/tables';
import { encryptArchive, type KdfParams } from '../../../../shared/archive/encryption';
import { writeArchive, type ArchiveProgress } from '../../../../shared/archive/write-archive';
import type { ArchiveManifest } from '../../../../shared/archive/manifest';
import { blobSlices } from '../../../../shared/blob-slices';
import type { CasefileDb } from '../../db/casefile-db';
import { bundleTables, type BundleContent } from './bundle-content';
import { collectBundle, type CollectOptions } from './collect-bundle';

export const BUNDLE_EXTENSION = 'casefile';

export function bundleFileName(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${stem || 'dispute'}.${BUNDLE_EXTENSION}`;
}

export type BundleOptions = CollectOptions & {
  appVersion: string;
  onProgress?: (p: ArchiveProgress) => void;
  /** Seals the bundle under this passphrase (shared/archive/encryption.ts). */
  passphrase?: string;
  /** Argon2id parameters; the strong default unless a test says. */
  kdf?: KdfParams;
};

/** Writes the archive of already-collected bundle content, chunk by chunk, to `write`. */
export async function writeBundle(
  content: BundleContent,
  options: BundleOptions,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<ArchiveManifest> {
  if (options.passphrase !== undefined) {
    // The plain archive is made first and then sealed entry by entry; it is held in memory (as
    // Blob parts) meanwhile, which a bundle of one dispute affords.
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const manifest = await writeBundle(
      content,
      { ...options, passphrase: undefined },
      async (chunk) => {
        chunks.push(new Uint8Array(chunk));
      },
    );
    options.onProgress?.({ done: 0, total: 1, phase: 'Encrypting' });
    await encryptArchive(new Blob(chunks), options.passphrase, write, { kdf: options.kdf });
    return manifest;
  }
  const dispute = content.records.disputes[0]!;
  return writeArchive(
    {
      kind: 'bundle',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      appVersion: options.appVersion,
      tables: bundleTables.map((name) => ({
        name,
        rows: async function* () {
          yield content.records[name];
        },
      })),
      files: async function* () {
        for (const [sha256, blob] of content.files) {
          yield { sha256, size: blob.size, read: () => blobSlices(blob) };
        }
      },
      extra: {
        disputeId: dispute.id,
        title: dispute.title,
        includesPrivileged: options.includePrivileged,
      },
    },
    write,
    options.onProgress,
  );
}

/** One dispute's bundle, written to `write`. */
export async function streamBundle(
  db: CasefileDb,
  disputeId: string,
  options: BundleOptions,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<ArchiveManifest> {
  return writeBundle(await collectBundle(db, disputeId, options), options, write);
}

/** One dispute's bundle as a Blob, for tests and fixtures. */
export async function exportBundle(
  db: CasefileDb,
  disputeId: string,
  options: BundleOptions,
): Promise<{ blob: Blob; manifest: ArchiveManifest }> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const manifest = await streamBundle(db, disputeId, options, async (chunk) => {
    chunks.push(new Uint8Array(chunk));
  });
  return { blob: new Blob(chunks, { type: 'application/zip' }), manifest };
}
