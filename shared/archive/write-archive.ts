/**
 * Writes a Casefile archive as a stream: records are read in batches and files in slices, fed to
 * fflate's streaming Zip, and every zip chunk is awaited through `sink` before the next is made,
 * so memory stays bounded by one batch or one slice whatever the size of the database. NDJSON is
 * deflated; file bytes (mostly PDFs, already compressed) are stored as they are.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createSHA256 } from 'hash-wasm';
import {
  ARCHIVE_FORMAT_VERSION,
  CHECKSUMS_PATH,
  MANIFEST_PATH,
  archiveManifestSchema,
  filePath,
  recordsPath,
  type ArchiveEntry,
  type ArchiveKind,
  type ArchiveManifest,
} from './manifest';

export type ArchiveFileSource = {
  sha256: string;
  size: number;
  read: () => AsyncIterable<Uint8Array>;
  /**
   * The bytes are stored under their own SHA-256 (Casefile's `files` table), so hashing them again
   * while writing would only repeat `sha256`: a damaged file is caught either way, by the reader,
   * which checks every file's bytes against its name. Skipping it saves a third of a backup's work.
   */
  contentAddressed?: boolean;
};

export type ArchiveSource = {
  kind: ArchiveKind;
  schemaVersion: number;
  appVersion: string;
  tables: { name: string; rows: () => AsyncIterable<unknown[]> }[];
  files: () => AsyncIterable<ArchiveFileSource>;
  extra?: Partial<Pick<ArchiveManifest, 'disputeId' | 'title' | 'includesPrivileged'>>;
  /** Defaults to now; fixed in tests. */
  createdAt?: string;
};

export type ArchiveProgress = { done: number; total: number; phase: string };

const encoder = new TextEncoder();
/** Rows are joined into chunks of about this many bytes before they are deflated. */
const RECORD_CHUNK_BYTES = 256 * 1024;

export async function writeArchive(
  source: ArchiveSource,
  sink: (chunk: Uint8Array) => Promise<void>,
  onProgress?: (progress: ArchiveProgress) => void,
): Promise<ArchiveManifest> {
  const pending: Uint8Array[] = [];
  let zipError: Error | null = null;
  let ended = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) zipError = error;
    else pending.push(chunk);
    if (final) ended = true;
  });
  // fflate calls back synchronously for the sync stream classes, so after each push the chunks it
  // produced are waiting here; handing them to the sink before pushing more gives backpressure.
  const drain = async (): Promise<void> => {
    if (zipError) throw zipError;
    while (pending.length > 0) {
      const chunk = pending.shift();
      if (chunk) await sink(chunk);
    }
  };

  const entries: ArchiveEntry[] = [];
  const counts: Record<string, number> = {};
  const total = source.tables.length + 1;
  let done = 0;

  for (const table of source.tables) {
    onProgress?.({ done, total, phase: `Writing ${table.name}` });
    const path = recordsPath(table.name);
    const entry = new ZipDeflate(path, { level: 1 });
    zip.add(entry);
    const hasher = await createSHA256();
    hasher.init();
    let size = 0;
    let count = 0;
    let buffer = '';
    const flush = async (): Promise<void> => {
      if (buffer === '') return;
      const bytes = encoder.encode(buffer);
      buffer = '';
      hasher.update(bytes);
      size += bytes.byteLength;
      entry.push(bytes);
      await drain();
    };
    for await (const batch of table.rows()) {
      for (const row of batch) {
        buffer += `${JSON.stringify(row)}\n`;
        count += 1;
        if (buffer.length >= RECORD_CHUNK_BYTES) await flush();
      }
    }
    await flush();
    entry.push(new Uint8Array(0), true);
    await drain();
    entries.push({ path, size, sha256: hasher.digest('hex') });
    counts[table.name] = count;
    done += 1;
  }

  onProgress?.({ done, total, phase: 'Writing files' });
  let fileCount = 0;
  for await (const file of source.files()) {
    const path = filePath(file.sha256);
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    const hasher = file.contentAddressed ? null : await createSHA256();
    hasher?.init();
    let size = 0;
    for await (const slice of file.read()) {
      hasher?.update(slice);
      size += slice.byteLength;
      entry.push(slice);
      await drain();
    }
    entry.push(new Uint8Array(0), true);
    await drain();
    // Otherwise the checksum of what was actually written: a reader then catches a stored file
    // whose bytes no longer match its name instead of the backup hiding it.
    entries.push({ path, size, sha256: hasher ? hasher.digest('hex') : file.sha256 });
    fileCount += 1;
    if (fileCount % 16 === 0) {
      onProgress?.({ done, total, phase: `Writing files (${fileCount})` });
    }
  }

  const manifest = archiveManifestSchema.parse({
    formatVersion: ARCHIVE_FORMAT_VERSION,
    kind: source.kind,
    schemaVersion: source.schemaVersion,
    appVersion: source.appVersion,
    createdAt: source.createdAt ?? new Date().toISOString(),
    counts,
    entries,
    ...source.extra,
  });
  const manifestBytes = encoder.encode(JSON.stringify(manifest, null, 2));
  const manifestEntry = new ZipDeflate(MANIFEST_PATH, { level: 6 });
  zip.add(manifestEntry);
  manifestEntry.push(manifestBytes, true);
  await drain();

  const manifestHash = await createSHA256();
  manifestHash.init();
  manifestHash.update(manifestBytes);
  const checksums = [
    ...entries.map((item) => `${item.sha256}  ${item.path}`),
    `${manifestHash.digest('hex')}  ${MANIFEST_PATH}`,
  ].join('\n');
  const checksumsEntry = new ZipDeflate(CHECKSUMS_PATH, { level: 6 });
  zip.add(checksumsEntry);
  checksumsEntry.push(encoder.encode(`${checksums}\n`), true);
  await drain();

  zip.end();
  await drain();
  if (!ended) throw new Error('The archive did not finish writing.');
  onProgress?.({ done: total, total, phase: 'Done' });
  return manifest;
}
