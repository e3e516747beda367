/**
 * Writes one dispute as a `.casefile` bundle: the same zip format as a backup (shared/archive),
 * with `kind: 'bundle'` and the dispute's id and title in the manifest. A bundle is one dispute, so
 * it is assembled in memory and handed to the host to save; whole-database backups stream instead.
 */
import { CURRENT_SCHEMA_VERSION } from '../../../../shared/archive/tables';
import { writeArchive, type ArchiveProgress } from '../../../../shared/archive/write-archive';
import type { ArchiveManifest } from '../../../../shared/archive/manifest';
import type { CasefileDb } from '../../db/casefile-db';
import { bundleTables, type BundleContent } from './bundle-content';
import { collectBundle, type CollectOptions } from './collect-bundle';

export const BUNDLE_EXTENSION = 'casefile';
const SLICE_BYTES = 1024 * 1024;

export function bundleFileName(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${stem || 'dispute'}.${BUNDLE_EXTENSION}`;
}

async function* slices(blob: Blob): AsyncIterable<Uint8Array> {
  for (let start = 0; start < blob.size; start += SLICE_BYTES) {
    yield new Uint8Array(await blob.slice(start, start + SLICE_BYTES).arrayBuffer());
  }
}

/** The archive of already-collected bundle content; also used by tests to make fixtures. */
export async function writeBundle(
  content: BundleContent,
  options: CollectOptions & { appVersion: string; onProgress?: (p: ArchiveProgress) => void },
): Promise<{ blob: Blob; manifest: ArchiveManifest }> {
  const dispute = content.records.disputes[0]!;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const manifest = await writeArchive(
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
          yield { sha256, size: blob.size, read: () => slices(blob) };
        }
      },
      extra: {
        disputeId: dispute.id,
        title: dispute.title,
        includesPrivileged: options.includePrivileged,
      },
    },
    async (chunk) => {
      chunks.push(new Uint8Array(chunk));
    },
    options.onProgress,
  );
  return { blob: new Blob(chunks, { type: 'application/zip' }), manifest };
}

export async function exportBundle(
  db: CasefileDb,
  disputeId: string,
  options: CollectOptions & { appVersion: string; onProgress?: (p: ArchiveProgress) => void },
): Promise<{ blob: Blob; manifest: ArchiveManifest; fileName: string }> {
  const content = await collectBundle(db, disputeId, options);
  const written = await writeBundle(content, options);
  return { ...written, fileName: bundleFileName(content.records.disputes[0]!.title) };
}
