/**
 * Writes one dispute as a `.casefile` bundle: the same zip format as a backup (shared/archive),
 * with `kind: 'bundle'` and the dispute's id and title in the manifest. The archive is written
 * piece by piece to wherever `write` sends it: the host's streamed save in the app, so a dispute
 * with gigabytes of filings is never held in memory; a Blob in tests.
 */
import { CURRENT_SCHEMA_VERSION } from '../../../../shared/archive/tables';
import {
  createArchiveSealer,
  sealedTarget,
  type ArchiveSealer,
  type KdfParams,
  type OpenSealer,
} from '../../../../shared/archive/encryption';
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
  /** Where the sealing runs: the app passes the sealing worker; in this thread by default. */
  seal?: OpenSealer;
};

/**
 * Writes the archive of already-collected bundle content, chunk by chunk, to `write`; with a
 * passphrase, each entry is sealed as it is written, so no plain archive is ever assembled.
 */
export async function writeBundle(
  content: BundleContent,
  options: BundleOptions,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<ArchiveManifest> {
  let sealer: ArchiveSealer | null = null;
  if (options.passphrase !== undefined) {
    options.onProgress?.({ done: 0, total: 1, phase: 'Preparing the encryption key' });
    sealer = await (options.seal ?? createArchiveSealer)(options.passphrase, write, {
      kdf: options.kdf,
    });
  }
  const dispute = content.records.disputes[0]!;
  const writing = writeArchive(
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
    sealer ? sealedTarget(sealer) : write,
    options.onProgress,
  );
  // A failed or cancelled export lets the sealing worker drop its key at once.
  return writing.catch(async (error: unknown) => {
    await sealer?.abort().catch(() => undefined);
    throw error;
  });
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
