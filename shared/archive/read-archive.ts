/**
 * Reads and verifies a whole Casefile archive before anything is written anywhere: the zip's table
 * of contents (names, declared sizes), the manifest (format and schema version), every entry's size
 * and SHA-256, and every record against its zod schema after migrating it from an older schema.
 * Any fault throws one ArchiveError whose message names what is wrong; callers write nothing until
 * this has returned. File bytes stay Blob slices of the archive, so memory is bounded by the records.
 *
 * The entries come from a source (entry-source.ts): the zip itself, or an encrypted archive's
 * sealed entries opened one at a time (encryption.ts); every check below holds for both.
 * Hostile archives are expected (see bundle-hostile.test.ts), so the work is bounded as it goes:
 * - entries are visited in the order they lie in the file and read through one window of a few
 *   megabytes, with one reused hasher, so 50,000 small entries cost 50,000 memory copies, not
 *   50,000 reads of the Blob;
 * - compressed input is inflated 8 KB at a time, so a bomb is caught after at most ~8 MB of
 *   output, whatever it declares;
 * - NDJSON is parsed as a stream, line by line, never held whole nor split into an array of lines;
 *   lines per table (blank ones included) and bytes per line are limited while streaming.
 * In the app this runs in a worker (renderer/src/workers/archive.worker.ts).
 */
import { Inflate } from 'fflate';
import { createSHA256, type IHasher } from 'hash-wasm';
import type { z } from 'zod';
import { ArchiveError } from './archive-error';
import { shownName } from './entry-names';
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
import { type ZipDirectoryEntry } from './zip-directory';
import {
  zipEntrySource,
  type ArchiveEntrySource,
  type EntryData,
  type EntryPlace,
} from './entry-source';

export type ArchiveLimits = {
  maxEntries: number;
  /** Largest NDJSON entry, uncompressed. */
  maxRecordsBytes: number;
  /** Largest sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** Most lines (records and blank lines alike) one table's NDJSON may hold. */
  maxLinesPerTable: number;
  /** Longest single NDJSON line: one record is held whole while it is parsed. */
  maxLineBytes: number;
  /** Largest manifest.json, which is read whole. */
  maxManifestBytes: number;
};

export const defaultArchiveLimits: ArchiveLimits = {
  // 100,000 documents and their texts, with room to spare.
  maxEntries: 250_000,
  maxRecordsBytes: 512 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024 * 1024,
  maxLinesPerTable: 1_000_000,
  maxLineBytes: 16 * 1024 * 1024,
  maxManifestBytes: 64 * 1024 * 1024,
};

/** Deflate cannot compress better than about 1032:1; a larger declared ratio is a lie (a zip bomb). */
const MAX_DEFLATE_RATIO = 1100;
/**
 * Compressed bytes handed to the inflater at a time: bounds what one step can produce (~32 MB at
 * deflate's best ratio). Smaller steps cost more than they save: fflate copies its 32 KB window
 * and grows a fresh output buffer on every push, and at 8 KB that was most of the time spent
 * checking a 50,000-entry backup (its 8 MB of records took 4 s to inflate instead of under 1 s).
 */
const INFLATE_STEP = 32 * 1024;
export type ReadArchive = {
  manifest: ArchiveManifest;
  tables: Partial<Record<TableName, unknown[]>>;
  /** sha256 → bytes, each verified against its name and the manifest. */
  files: Map<string, Blob>;
  /**
   * Records of one patent that an archive older than schema 5 held twice, merged into one. Absent
   * when read through the archive worker, which passes on the merged tables only; a backup's
   * settings and audit log carry the same report.
   */
  mergedPatents?: MergedPatent[];
  /**
   * Where each file's bytes lie in `source`: a worker answers these instead of the Blobs, since
   * handing 50,000 Blobs from a worker to the page costs far more than slicing them there.
   */
  ranges: Map<string, EntryPlace>;
  /**
   * What `ranges` point into, when `files` was left empty (see `slices`): a restore then slices
   * each file as it writes it, a batch at a time. A plain zip's files lie in the zip itself; an
   * encrypted archive's are the plain bytes its source kept as they were checked.
   */
  source?: Blob;
};

/** The schema from which a patent number is unique (`patents.&numberKey`). */
const UNIQUE_PATENT_NUMBERS = 5;

export type ReadArchiveOptions = {
  limits?: Partial<ArchiveLimits>;
  onProgress?: (progress: { done: number; total: number; phase: string }) => void;
  /** The schema version records are migrated to; the app's current one unless a test says. */
  schemaVersion?: number;
  signal?: AbortSignal;
  /**
   * False leaves `files` empty and answers only `ranges`: the archive worker hands places to the
   * page, and 50,000 Blob slices it would never use cost it seconds.
   */
  slices?: boolean;
};

type Visit = { entry: ZipDirectoryEntry; sha256: string };

const NOTHING_CHANGED = 'Nothing was changed.';

/** An empty, `.` or `..` part anywhere (a leading or doubled `/` makes an empty one). */
const UNSAFE_PART = /(?:^|\/)(?:\.{1,2})?(?:\/|$)/;

function isSafePath(name: string): boolean {
  if (name.includes('\\') || name.includes('\0')) return false;
  if (/^[a-z]:/i.test(name)) return false;
  // One expression, not a split per name: 50,000 names' splits were half a second of the check.
  return !UNSAFE_PART.test(name);
}

/**
 * Inflates (or passes through) one entry and hands each piece of its bytes to `onChunk`, refusing
 * to produce more than the entry declared (the cap that defeats bombs) or less (a cut entry).
 * `inflating` is false when the source hands out a deflated entry's bytes already inflated.
 */
async function streamEntry(
  data: EntryData,
  entry: ZipDirectoryEntry,
  inflating: boolean,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const source = data instanceof Uint8Array ? [data] : data;
  // Shown only in a refusal: made on demand, since shortening 50,000 names costs real time.
  const name = () => shownName(entry.name);
  let written = 0;
  const accept = (chunk: Uint8Array) => {
    if (written + chunk.byteLength > entry.size) {
      throw new ArchiveError(
        'too-large',
        `The entry “${name()}” holds more data than it declares (a possible zip bomb). ${NOTHING_CHANGED}`,
      );
    }
    written += chunk.byteLength;
    if (chunk.byteLength > 0) onChunk(chunk);
  };
  if (entry.method === 0 || !inflating) {
    for await (const chunk of source) accept(chunk);
  } else {
    const produced: Uint8Array[] = [];
    let finished = false;
    const inflate = new Inflate((chunk, final) => {
      produced.push(chunk);
      if (final) finished = true;
    });
    const push = (piece: Uint8Array, final: boolean) => {
      try {
        inflate.push(piece, final);
      } catch {
        throw new ArchiveError(
          'checksum',
          `The entry “${name()}” is damaged (it cannot be decompressed). ${NOTHING_CHANGED}`,
        );
      }
      for (const chunk of produced.splice(0)) accept(chunk);
    };
    let at = 0;
    for await (const slice of source) {
      for (let offset = 0; offset < slice.byteLength; offset += INFLATE_STEP) {
        const piece = slice.subarray(offset, offset + INFLATE_STEP);
        at += piece.byteLength;
        push(piece, at >= entry.compressedSize);
      }
    }
    if (entry.compressedSize === 0) push(new Uint8Array(0), true);
    if (!finished) {
      throw new ArchiveError(
        'truncated',
        `The entry “${name()}” is incomplete (its compressed data ends early). ${NOTHING_CHANGED}`,
      );
    }
  }
  if (written !== entry.size) {
    throw new ArchiveError(
      'truncated',
      `The entry “${name()}” is incomplete (it holds ${written} of ${entry.size} bytes). ${NOTHING_CHANGED}`,
    );
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return shownName(`${where}${issue.message}`, 200);
}

function parseManifest(bytes: Uint8Array): ArchiveManifest {
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
    typeof json === 'object' && json !== null && Object.hasOwn(json, 'formatVersion')
      ? (json as { formatVersion: unknown }).formatVersion
      : undefined;
  if (version !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      'unknown-version',
      typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION
        ? `This archive was made by a newer version of Casefile (format ${version}); update Casefile to open it. ${NOTHING_CHANGED}`
        : `This archive's format version (${shownName(String(version), 40)}) is not one Casefile knows. ${NOTHING_CHANGED}`,
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

async function readManifest(
  source: ArchiveEntrySource,
  entry: ZipDirectoryEntry,
  limits: ArchiveLimits,
): Promise<ArchiveManifest> {
  if (entry.size > limits.maxManifestBytes) {
    throw new ArchiveError('too-large', `This archive's manifest is too large. ${NOTHING_CHANGED}`);
  }
  const data = await source.data(entry);
  const bytes = new Uint8Array(entry.size);
  let at = 0;
  await streamEntry(data, entry, !source.inflated, (chunk) => {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  });
  return parseManifest(bytes);
}

/**
 * Splits NDJSON into lines as its bytes arrive and parses each line as it completes; a line is
 * the only thing held whole. `finish` parses a last line without a newline.
 */
class NdjsonStream {
  private pieces: Uint8Array[] = [];
  private pending = 0;
  private lines = 0;
  readonly rows: unknown[] = [];
  private readonly decoder = new TextDecoder();
  private readonly schema: z.ZodType;

  constructor(
    private readonly table: TableName,
    private readonly fromVersion: number,
    private readonly toVersion: number,
    private readonly limits: ArchiveLimits,
  ) {
    this.schema = archiveTableSchemas[table];
  }

  push(chunk: Uint8Array): void {
    let from = 0;
    while (from < chunk.byteLength) {
      const newline = chunk.indexOf(10, from);
      const end = newline < 0 ? chunk.byteLength : newline;
      if (end > from) this.hold(chunk.subarray(from, end));
      if (newline < 0) return;
      this.endLine();
      from = newline + 1;
    }
  }

  finish(): void {
    if (this.pending > 0) this.endLine();
  }

  private hold(piece: Uint8Array) {
    this.pending += piece.byteLength;
    if (this.pending > this.limits.maxLineBytes) {
      throw new ArchiveError(
        'too-large',
        `Record ${this.lines + 1} of “${this.table}” is longer than Casefile accepts (over ${Math.round(this.limits.maxLineBytes / (1024 * 1024))} MB). ${NOTHING_CHANGED}`,
      );
    }
    // Copied: the chunk's buffer is reused by the reader's window.
    this.pieces.push(piece.slice());
  }

  private endLine() {
    this.lines += 1;
    if (this.lines > this.limits.maxLinesPerTable) {
      throw new ArchiveError(
        'too-large',
        `The records of “${this.table}” hold more than ${this.limits.maxLinesPerTable.toLocaleString('en')} lines, more than Casefile accepts. ${NOTHING_CHANGED}`,
      );
    }
    if (this.pending === 0) return;
    const bytes = this.pieces.length === 1 ? this.pieces[0]! : concat(this.pieces, this.pending);
    this.pieces = [];
    this.pending = 0;
    let json: unknown;
    try {
      json = JSON.parse(this.decoder.decode(bytes));
    } catch {
      throw new ArchiveError(
        'invalid-record',
        `Record ${this.lines} of “${this.table}” is not readable JSON. ${NOTHING_CHANGED}`,
      );
    }
    const parsed = this.schema.safeParse(
      migrateRecord(this.table, json, this.fromVersion, this.toVersion),
    );
    if (!parsed.success) {
      throw new ArchiveError(
        'invalid-record',
        `Record ${this.lines} of “${this.table}” is not valid (${describeIssue(parsed.error)}). ${NOTHING_CHANGED}`,
      );
    }
    this.rows.push(parsed.data);
  }
}

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}

function checkDirectory(
  directory: readonly ZipDirectoryEntry[],
  limits: ArchiveLimits,
): Map<string, ZipDirectoryEntry> {
  if (directory.length > limits.maxEntries) {
    throw new ArchiveError(
      'too-large',
      `This archive has ${directory.length} entries, more than Casefile accepts. ${NOTHING_CHANGED}`,
    );
  }
  const byName = new Map<string, ZipDirectoryEntry>();
  let totalBytes = 0;
  for (const entry of directory) {
    const name = () => shownName(entry.name);
    if (!isSafePath(entry.name)) {
      throw new ArchiveError(
        'unsafe-path',
        `This archive contains an entry with an unsafe path (“${name()}”), which could write outside its folder. ${NOTHING_CHANGED}`,
      );
    }
    if (entry.isSymlink) {
      throw new ArchiveError(
        'unsafe-path',
        `This archive contains a symbolic link (“${name()}”), which a Casefile archive never holds. ${NOTHING_CHANGED}`,
      );
    }
    if (byName.has(entry.name)) {
      throw new ArchiveError(
        'unexpected-entry',
        `This archive contains “${name()}” twice. ${NOTHING_CHANGED}`,
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ArchiveError(
        'unexpected-entry',
        `The entry “${name()}” uses a compression Casefile does not read. ${NOTHING_CHANGED}`,
      );
    }
    const declaredRatioTooHigh =
      entry.method === 8 && entry.size > Math.max(1024, entry.compressedSize * MAX_DEFLATE_RATIO);
    const storedSizeMismatch = entry.method === 0 && entry.size !== entry.compressedSize;
    if (declaredRatioTooHigh || storedSizeMismatch) {
      throw new ArchiveError(
        'too-large',
        `The entry “${name()}” declares ${entry.size} bytes but holds only ${entry.compressedSize} (a possible zip bomb). ${NOTHING_CHANGED}`,
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
  return byName;
}

/**
 * Reads a plain zip (a Blob), or any other source of entries: an encrypted archive opened by
 * encryption.ts `openSealedArchive`.
 */
export async function readArchive(
  archive: Blob | ArchiveEntrySource,
  options: ReadArchiveOptions = {},
): Promise<ReadArchive & { source: Blob }> {
  const limits = { ...defaultArchiveLimits, ...options.limits };
  const targetVersion = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const source = archive instanceof Blob ? await zipEntrySource(archive) : archive;
  const inflate = !source.inflated;
  const byName = checkDirectory(source.entries, limits);

  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry) {
    throw new ArchiveError(
      'missing-entry',
      `This file is not a Casefile archive (no manifest.json found). ${NOTHING_CHANGED}`,
    );
  }
  const manifest = await readManifest(source, manifestEntry, limits);
  if (manifest.schemaVersion > targetVersion) {
    throw new ArchiveError(
      'unknown-version',
      `This archive was made by a newer version of Casefile (database schema ${manifest.schemaVersion}); update Casefile to open it. ${NOTHING_CHANGED}`,
    );
  }

  // Every entry the zip holds must be in the manifest and the reverse: nothing unverified gets in.
  const declared = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  if (declared.size !== manifest.entries.length) {
    throw new ArchiveError(
      'invalid-manifest',
      `This archive's manifest lists an entry twice. ${NOTHING_CHANGED}`,
    );
  }
  for (const name of byName.keys()) {
    if (name !== MANIFEST_PATH && name !== CHECKSUMS_PATH && !declared.has(name)) {
      throw new ArchiveError(
        'unexpected-entry',
        `This archive contains “${shownName(name)}”, which its manifest does not list. ${NOTHING_CHANGED}`,
      );
    }
  }
  const visits: Visit[] = [];
  for (const declaredEntry of manifest.entries) {
    const entry = byName.get(declaredEntry.path);
    if (!entry) {
      throw new ArchiveError(
        'missing-entry',
        `This archive is missing “${shownName(declaredEntry.path)}”, which its manifest lists. ${NOTHING_CHANGED}`,
      );
    }
    if (entry.size !== declaredEntry.size) {
      // A size the source worked out (a sealed entry's) is wrong when the entry was damaged:
      // then that is what is said.
      await source.checkSize?.(entry);
      throw new ArchiveError(
        'checksum',
        `The entry “${shownName(entry.name)}” is ${entry.size} bytes but the manifest says ${declaredEntry.size}. ${NOTHING_CHANGED}`,
      );
    }
    visits.push({ entry, sha256: declaredEntry.sha256 });
  }
  // Records first, so every stored file can be checked against the records that name it; each
  // group in the order it lies in the file, so the window reads the archive front to back.
  const byPlace = (a: Visit, b: Visit) => a.entry.localHeaderOffset - b.entry.localHeaderOffset;
  const recordVisits = visits.filter((visit) => !visit.entry.name.startsWith(FILES_PREFIX));
  const fileVisits = visits.filter((visit) => visit.entry.name.startsWith(FILES_PREFIX));
  const ordered = [...recordVisits.sort(byPlace), ...fileVisits.sort(byPlace)];
  let named: Set<string> | null = null;

  const tables: Partial<Record<TableName, unknown[]>> = {};
  const files = new Map<string, Blob>();
  const ranges = new Map<string, EntryPlace>();
  const hasher = await createSHA256();
  const total = ordered.length;
  let done = 0;
  let reported = 0;
  for (const { entry, sha256: declaredSha256 } of ordered) {
    options.signal?.throwIfAborted();
    const name = () => shownName(entry.name);

    if (entry.name.startsWith(FILES_PREFIX)) {
      const sha256 = entry.name.slice(FILES_PREFIX.length);
      if (!/^[0-9a-f]{64}$/.test(sha256)) {
        throw new ArchiveError(
          'unexpected-entry',
          `The file entry “${name()}” is not named by its SHA-256. ${NOTHING_CHANGED}`,
        );
      }
      if (entry.method !== 0) {
        throw new ArchiveError(
          'unexpected-entry',
          `The file entry “${name()}” is compressed; Casefile stores files as they are. ${NOTHING_CHANGED}`,
        );
      }
      // A Casefile archive carries no bytes that no record needs: refusing them at once keeps an
      // archive padded with thousands of stray entries from costing a check of each.
      named ??= new Set((tables.files ?? []).map((row) => (row as { sha256: string }).sha256));
      if (!named.has(sha256)) {
        throw new ArchiveError(
          'unexpected-entry',
          `This archive holds a stored file (“${name()}”) that none of its records names. ${NOTHING_CHANGED}`,
        );
      }
      // A small stored file is one piece: hashed as it lies, without the stream machinery (an
      // async generator and its promises per entry), which 50,000 entries feel.
      const { data, place } = await source.keep(entry);
      const actual =
        data instanceof Uint8Array
          ? hashPiece(hasher, data, entry)
          : await hashEntry(hasher, data, entry);
      if (actual !== declaredSha256 || actual !== sha256) {
        throw new ArchiveError(
          'checksum',
          `A stored file in this archive is damaged (the checksum of “${name()}” does not match). ${NOTHING_CHANGED}`,
        );
      }
      ranges.set(sha256, place);
    } else if (entry.name.startsWith(RECORDS_PREFIX) && entry.name.endsWith('.ndjson')) {
      const table = entry.name.slice(RECORDS_PREFIX.length, -'.ndjson'.length);
      if (!isTableName(table)) {
        throw new ArchiveError(
          'unexpected-entry',
          `This archive holds records for “${shownName(table)}”, which Casefile does not know. ${NOTHING_CHANGED}`,
        );
      }
      if (entry.size > limits.maxRecordsBytes) {
        throw new ArchiveError(
          'too-large',
          `The records of “${table}” are too large to read (${entry.size} bytes). ${NOTHING_CHANGED}`,
        );
      }
      const records = new NdjsonStream(table, manifest.schemaVersion, targetVersion, limits);
      hasher.init();
      await streamEntry(await source.data(entry), entry, inflate, (chunk) => {
        hasher.update(chunk);
        records.push(chunk);
      });
      records.finish();
      if (hasher.digest('hex') !== declaredSha256) {
        throw new ArchiveError(
          'checksum',
          `The records of “${table}” in this archive are damaged (their checksum does not match). ${NOTHING_CHANGED}`,
        );
      }
      tables[table] = records.rows;
      const expected = Object.hasOwn(manifest.counts, table) ? manifest.counts[table] : undefined;
      if (expected !== undefined && expected !== records.rows.length) {
        throw new ArchiveError(
          'invalid-record',
          `The archive should hold ${expected} ${table} but holds ${records.rows.length}. ${NOTHING_CHANGED}`,
        );
      }
    } else {
      throw new ArchiveError(
        'unexpected-entry',
        `This archive contains “${name()}”, which is not part of a Casefile archive. ${NOTHING_CHANGED}`,
      );
    }
    done += 1;
    // Reported about a hundred times in all, not once per entry: 50,000 messages would cost more
    // than the checking.
    if (done === total || done - reported >= Math.max(1, total / 100)) {
      reported = done;
      options.onProgress?.({ done, total, phase: 'Checking the archive' });
    }
  }

  // Every stored-file record needs its bytes, or a restore would leave documents without files.
  for (const row of tables.files ?? []) {
    const sha256 = (row as { sha256: string }).sha256;
    if (!ranges.has(sha256)) {
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
  const kept = source.kept();
  if (options.slices !== false) {
    for (const [sha256, { start, end }] of ranges) files.set(sha256, kept.slice(start, end));
  }
  return { manifest, tables, files, ranges, mergedPatents, source: kept };
}

function hashPiece(hasher: IHasher, bytes: Uint8Array, entry: ZipDirectoryEntry): string {
  if (bytes.byteLength !== entry.size) {
    throw new ArchiveError(
      'truncated',
      `The entry “${shownName(entry.name)}” is incomplete (it holds ${bytes.byteLength} of ${entry.size} bytes). ${NOTHING_CHANGED}`,
    );
  }
  hasher.init();
  hasher.update(bytes);
  return hasher.digest('hex');
}

async function hashEntry(
  hasher: IHasher,
  source: EntryData,
  entry: ZipDirectoryEntry,
): Promise<string> {
  hasher.init();
  await streamEntry(source, entry, true, (chunk) => hasher.update(chunk));
  return hasher.digest('hex');
}

/** Only the manifest, for listing backups: reads the zip's directory and one small entry. */
export async function readArchiveManifest(archive: Blob): Promise<ArchiveManifest> {
  const source = await zipEntrySource(archive);
  const entry = source.entries.find((item) => item.name === MANIFEST_PATH);
  if (!entry) {
    throw new ArchiveError(
      'missing-entry',
      `This file is not a Casefile archive (no manifest.json found). ${NOTHING_CHANGED}`,
    );
  }
  return readManifest(source, entry, defaultArchiveLimits);
}
