/**
 * Reads and verifies a whole Casefile archive before anything is written anywhere: the zip's table
 * of contents (names, declared sizes), the manifest (format and schema version), every entry's size
 * and SHA-256, and every record against its zod schema after migrating it from an older schema.
 * Any fault throws one ArchiveError whose message names what is wrong; callers write nothing until
 * this has returned. File bytes stay Blob slices of the archive, so memory is bounded by the records.
 */
import { Inflate } from 'fflate';
import { createSHA256 } from 'hash-wasm';
import type { z } from 'zod';
import { ArchiveError } from './archive-error';
import {
  ARCHIVE_FORMAT_VERSION,
  CHECKSUMS_PATH,
  FILES_PREFIX,
  MANIFEST_PATH,
  RECORDS_PREFIX,
  archiveManifestSchema,
  type ArchiveManifest,
} from './manifest';
import { mergeDuplicatePatents, type MergedPatent } from './merge-patents';
import { migrateRecord } from './migrate-records';
import { CURRENT_SCHEMA_VERSION, archiveTableSchemas, isTableName, type TableName } from './tables';
import { entryDataRange, readZipDirectory, type ZipDirectoryEntry } from './zip-directory';
import { blobSlices } from '../blob-slices';

export type ArchiveLimits = {
  maxEntries: number;
  /** Largest NDJSON entry, uncompressed: records are held in memory while they are validated. */
  maxRecordsBytes: number;
  /** Largest sum of every entry's uncompressed size. */
  maxTotalBytes: number;
};

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 1_000_000,
  maxRecordsBytes: 512 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024 * 1024,
};

/** Deflate cannot compress better than about 1032:1; a larger declared ratio is a lie (a zip bomb). */
const MAX_DEFLATE_RATIO = 1100;

export type ReadArchive = {
  manifest: ArchiveManifest;
  tables: Partial<Record<TableName, unknown[]>>;
  /** sha256 → bytes, each verified against its name and the manifest. */
  files: Map<string, Blob>;
  /** Records of one patent that an archive older than schema 5 held twice, merged into one. */
  mergedPatents: MergedPatent[];
};

/** The schema from which a patent number is unique (`patents.&numberKey`). */
const UNIQUE_PATENT_NUMBERS = 5;

export type ReadArchiveOptions = {
  limits?: Partial<ArchiveLimits>;
  onProgress?: (progress: { done: number; total: number; phase: string }) => void;
  /** The schema version records are migrated to; the app's current one unless a test says. */
  schemaVersion?: number;
};

const NOTHING_CHANGED = 'Nothing was changed.';

function isSafePath(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  if (/^[a-z]:/i.test(name)) return false;
  return !name.split('/').some((part) => part === '..' || part === '.' || part === '');
}

async function sha256OfBlob(blob: Blob): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for await (const slice of blobSlices(blob)) hasher.update(slice);
  return hasher.digest('hex');
}

/** Inflates an entry, refusing to produce more than it declared (the cap that defeats bombs). */
async function entryBytes(data: Blob, entry: ZipDirectoryEntry): Promise<Uint8Array> {
  if (entry.method === 0) return new Uint8Array(await data.arrayBuffer());
  const output = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.byteLength > entry.size) overflow = true;
    else output.set(chunk, written);
    written += chunk.byteLength;
    if (final) finished = true;
  });
  try {
    let at = 0;
    for await (const slice of blobSlices(data)) {
      at += slice.byteLength;
      inflate.push(slice, at >= data.size);
      if (overflow) break;
    }
    if (data.size === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    throw new ArchiveError(
      'checksum',
      `The entry “${entry.name}” is damaged (it cannot be decompressed). ${NOTHING_CHANGED}`,
    );
  }
  if (overflow) {
    throw new ArchiveError(
      'too-large',
      `The entry “${entry.name}” holds more data than it declares (a possible zip bomb). ${NOTHING_CHANGED}`,
    );
  }
  if (!finished || written !== entry.size) {
    throw new ArchiveError(
      'truncated',
      `The entry “${entry.name}” is incomplete (it holds ${written} of ${entry.size} bytes). ${NOTHING_CHANGED}`,
    );
  }
  return output;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

async function readManifest(archive: Blob, entry: ZipDirectoryEntry): Promise<ArchiveManifest> {
  const { start, end } = await entryDataRange(archive, entry);
  const bytes = await entryBytes(archive.slice(start, end), entry);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ArchiveError(
      'invalid-manifest',
      `This archive's manifest.json is not readable JSON. ${NOTHING_CHANGED}`,
    );
  }
  const version =
    typeof json === 'object' && json !== null && 'formatVersion' in json
      ? json.formatVersion
      : undefined;
  if (version !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      'unknown-version',
      typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION
        ? `This archive was made by a newer version of Casefile (format ${version}); update Casefile to open it. ${NOTHING_CHANGED}`
        : `This archive's format version (${String(version)}) is not one Casefile knows. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = archiveManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new ArchiveError(
      'invalid-manifest',
      `This archive's manifest is not valid (${describeIssue(parsed.error)}). ${NOTHING_CHANGED}`,
    );
  }
  return parsed.data;
}

export async function readArchive(
  archive: Blob,
  options: ReadArchiveOptions = {},
): Promise<ReadArchive> {
  const limits = { ...defaultArchiveLimits, ...options.limits };
  const targetVersion = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const directory = await readZipDirectory(archive);

  if (directory.length > limits.maxEntries) {
    throw new ArchiveError(
      'too-large',
      `This archive has ${directory.length} entries, more than Casefile accepts. ${NOTHING_CHANGED}`,
    );
  }
  const byName = new Map<string, ZipDirectoryEntry>();
  let totalBytes = 0;
  for (const entry of directory) {
    if (!isSafePath(entry.name)) {
      throw new ArchiveError(
        'unsafe-path',
        `This archive contains an entry with an unsafe path (“${entry.name}”), which could write outside its folder. ${NOTHING_CHANGED}`,
      );
    }
    if (byName.has(entry.name)) {
      throw new ArchiveError(
        'unexpected-entry',
        `This archive contains “${entry.name}” twice. ${NOTHING_CHANGED}`,
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ArchiveError(
        'unexpected-entry',
        `The entry “${entry.name}” uses a compression Casefile does not read. ${NOTHING_CHANGED}`,
      );
    }
    const declaredRatioTooHigh =
      entry.method === 8 && entry.size > Math.max(1024, entry.compressedSize * MAX_DEFLATE_RATIO);
    const storedSizeMismatch = entry.method === 0 && entry.size !== entry.compressedSize;
    if (declaredRatioTooHigh || storedSizeMismatch) {
      throw new ArchiveError(
        'too-large',
        `The entry “${entry.name}” declares ${entry.size} bytes but holds only ${entry.compressedSize} (a possible zip bomb). ${NOTHING_CHANGED}`,
      );
    }
    totalBytes += entry.size;
    byName.set(entry.name, entry);
  }
  if (totalBytes > limits.maxTotalBytes) {
    throw new ArchiveError(
      'too-large',
      `This archive would unpack to ${totalBytes} bytes, more than Casefile accepts. ${NOTHING_CHANGED}`,
    );
  }

  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry) {
    throw new ArchiveError(
      'missing-entry',
      `This file is not a Casefile archive (no manifest.json found). ${NOTHING_CHANGED}`,
    );
  }
  const manifest = await readManifest(archive, manifestEntry);
  if (manifest.schemaVersion > targetVersion) {
    throw new ArchiveError(
      'unknown-version',
      `This archive was made by a newer version of Casefile (database schema ${manifest.schemaVersion}); update Casefile to open it. ${NOTHING_CHANGED}`,
    );
  }

  // Every entry the zip holds must be in the manifest and the reverse: nothing unverified gets in.
  const declared = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  for (const name of byName.keys()) {
    if (name !== MANIFEST_PATH && name !== CHECKSUMS_PATH && !declared.has(name)) {
      throw new ArchiveError(
        'unexpected-entry',
        `This archive contains “${name}”, which its manifest does not list. ${NOTHING_CHANGED}`,
      );
    }
  }

  const tables: Partial<Record<TableName, unknown[]>> = {};
  const files = new Map<string, Blob>();
  const total = manifest.entries.length;
  let done = 0;
  for (const declaredEntry of manifest.entries) {
    const entry = byName.get(declaredEntry.path);
    if (!entry) {
      throw new ArchiveError(
        'missing-entry',
        `This archive is missing “${declaredEntry.path}”, which its manifest lists. ${NOTHING_CHANGED}`,
      );
    }
    if (entry.size !== declaredEntry.size) {
      throw new ArchiveError(
        'checksum',
        `The entry “${entry.name}” is ${entry.size} bytes but the manifest says ${declaredEntry.size}. ${NOTHING_CHANGED}`,
      );
    }
    const { start, end } = await entryDataRange(archive, entry);
    const data = archive.slice(start, end);

    if (entry.name.startsWith(FILES_PREFIX)) {
      const sha256 = entry.name.slice(FILES_PREFIX.length);
      if (!/^[0-9a-f]{64}$/.test(sha256)) {
        throw new ArchiveError(
          'unexpected-entry',
          `The file entry “${entry.name}” is not named by its SHA-256. ${NOTHING_CHANGED}`,
        );
      }
      if (entry.method !== 0) {
        throw new ArchiveError(
          'unexpected-entry',
          `The file entry “${entry.name}” is compressed; Casefile stores files as they are. ${NOTHING_CHANGED}`,
        );
      }
      const actual = await sha256OfBlob(data);
      if (actual !== declaredEntry.sha256 || actual !== sha256) {
        throw new ArchiveError(
          'checksum',
          `A stored file in this archive is damaged (the checksum of “${entry.name}” does not match). ${NOTHING_CHANGED}`,
        );
      }
      files.set(sha256, data);
    } else if (entry.name.startsWith(RECORDS_PREFIX) && entry.name.endsWith('.ndjson')) {
      const table = entry.name.slice(RECORDS_PREFIX.length, -'.ndjson'.length);
      if (!isTableName(table)) {
        throw new ArchiveError(
          'unexpected-entry',
          `This archive holds records for “${table}”, which Casefile does not know. ${NOTHING_CHANGED}`,
        );
      }
      if (entry.size > limits.maxRecordsBytes) {
        throw new ArchiveError(
          'too-large',
          `The records of “${table}” are too large to read (${entry.size} bytes). ${NOTHING_CHANGED}`,
        );
      }
      const bytes = await entryBytes(data, entry);
      const hasher = await createSHA256();
      hasher.init();
      hasher.update(bytes);
      if (hasher.digest('hex') !== declaredEntry.sha256) {
        throw new ArchiveError(
          'checksum',
          `The records of “${table}” in this archive are damaged (their checksum does not match). ${NOTHING_CHANGED}`,
        );
      }
      tables[table] = parseRecords(table, bytes, manifest.schemaVersion, targetVersion);
      const expected = manifest.counts[table];
      if (expected !== undefined && expected !== tables[table].length) {
        throw new ArchiveError(
          'invalid-record',
          `The archive should hold ${expected} ${table} but holds ${tables[table].length}. ${NOTHING_CHANGED}`,
        );
      }
    } else {
      throw new ArchiveError(
        'unexpected-entry',
        `This archive contains “${entry.name}”, which is not part of a Casefile archive. ${NOTHING_CHANGED}`,
      );
    }
    done += 1;
    options.onProgress?.({ done, total, phase: 'Checking the archive' });
  }

  // Every stored-file record needs its bytes, or a restore would leave documents without files.
  for (const row of tables.files ?? []) {
    const sha256 = (row as { sha256: string }).sha256;
    if (!files.has(sha256)) {
      throw new ArchiveError(
        'missing-entry',
        `This archive is missing the bytes of a stored file (${sha256.slice(0, 12)}…). ${NOTHING_CHANGED}`,
      );
    }
  }
  let mergedPatents: MergedPatent[] = [];
  if (manifest.schemaVersion < UNIQUE_PATENT_NUMBERS && targetVersion >= UNIQUE_PATENT_NUMBERS) {
    // A backup restores its audit log and settings, so the merge is recorded in both.
    if (manifest.kind === 'backup') {
      tables.audit ??= [];
      tables.settings ??= [];
    }
    mergedPatents = mergeDuplicatePatents(tables, new Date().toISOString());
  }
  return { manifest, tables, files, mergedPatents };
}

function parseRecords(
  table: TableName,
  bytes: Uint8Array,
  fromVersion: number,
  toVersion: number,
): unknown[] {
  const schema: z.ZodType = archiveTableSchemas[table];
  const text = new TextDecoder().decode(bytes);
  const rows: unknown[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ArchiveError(
        'invalid-record',
        `Record ${index + 1} of “${table}” is not readable JSON. ${NOTHING_CHANGED}`,
      );
    }
    const parsed = schema.safeParse(migrateRecord(table, json, fromVersion, toVersion));
    if (!parsed.success) {
      throw new ArchiveError(
        'invalid-record',
        `Record ${index + 1} of “${table}” is not valid (${describeIssue(parsed.error)}). ${NOTHING_CHANGED}`,
      );
    }
    rows.push(parsed.data);
  }
  return rows;
}

/** Only the manifest, for listing backups: reads the zip's directory and one small entry. */
export async function readArchiveManifest(archive: Blob): Promise<ArchiveManifest> {
  const directory = await readZipDirectory(archive);
  const entry = directory.find((item) => item.name === MANIFEST_PATH);
  if (!entry) {
    throw new ArchiveError(
      'missing-entry',
      `This file is not a Casefile archive (no manifest.json found). ${NOTHING_CHANGED}`,
    );
  }
  if (entry.size > defaultArchiveLimits.maxRecordsBytes) {
    throw new ArchiveError('too-large', `This archive's manifest is too large. ${NOTHING_CHANGED}`);
  }
  return readManifest(archive, entry);
}
