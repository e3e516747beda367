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
  archiveEntrySchema,
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
/**
 * Rows are joined into chunks of about this many bytes before they are deflated, each chunk in a
 * task of its own: a restore's safety backup of 10,000 filings deflated a 256 KB chunk in the
 * same window task as the read of the next page of rows, 50 ms of CPU under a profiler on a
 * loaded machine.
 */
const RECORD_CHUNK_BYTES = 64 * 1024;
/**
 * Manifest entries and checksum lines made, validated and deflated at a time: about 200 KB and
 * 140 KB of text, some 10-30 ms of the window's time each (2,000 came to 50-76 ms tasks under a
 * profiler on a loaded machine).
 */
const LINES_PER_SLICE = 1_000;

/**
 * A turn of the event loop. Awaiting the sink is not one when the sink answers at once (a plain
 * browser's download gathers in the same task), so long in-memory work waits on this between
 * slices.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The manifest, validated by its schema: its entries a slice at a time (one parse of 50,000 of
 * them took the window ~100 ms), the rest at once.
 */
async function validatedManifest(manifest: ArchiveManifest): Promise<ArchiveManifest> {
  const head = archiveManifestSchema.parse({ ...manifest, entries: [] });
  const entries: ArchiveEntry[] = [];
  for (let start = 0; start < manifest.entries.length; start += LINES_PER_SLICE) {
    const slice = manifest.entries.slice(start, start + LINES_PER_SLICE);
    entries.push(...archiveEntrySchema.array().parse(slice));
    await nextTask();
  }
  return { ...head, entries };
}

/**
 * `JSON.stringify(manifest, null, 2)` in slices of a few thousand entries, the same text: the
 * manifest with its entries left empty, whose `"entries": []` (a top-level key, the only one at
 * that indent: a string's own newlines are escaped) is where the entries go.
 */
export function* manifestText(manifest: ArchiveManifest): Generator<string> {
  const whole = JSON.stringify({ ...manifest, entries: [] }, null, 2);
  const at = '\n  "entries": []';
  const split = whole.indexOf(at);
  if (manifest.entries.length === 0 || split < 0) {
    yield whole;
    return;
  }
  let text = `${whole.slice(0, split)}\n  "entries": [\n`;
  for (let start = 0; start < manifest.entries.length; start += LINES_PER_SLICE) {
    const slice = manifest.entries.slice(start, start + LINES_PER_SLICE);
    text += slice
      .map((entry) => `    ${JSON.stringify(entry, null, 2).replaceAll('\n', '\n    ')}`)
      .join(',\n');
    const last = start + LINES_PER_SLICE >= manifest.entries.length;
    yield last ? text : `${text},\n`;
    text = '';
  }
  yield `\n  ]${whole.slice(split + at.length)}`;
}

/** How an entry is stored: NDJSON deflated fast, the manifest small, file bytes as they are. */
export type EntryCompression = 'fast' | 'small' | 'stored';

/** One entry being written; `push` takes ownership of the bytes and resolves once they are out. */
export type ArchiveEntryWriter = {
  push(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
};

/**
 * Where an archive's entries go: a plain zip (`zipTarget`), or a sealer that encrypts each entry
 * as it comes (encryption.ts `sealedTarget`), so an encrypted archive is never held whole.
 */
export type ArchiveTarget = {
  entry(name: string, compression: EntryCompression): Promise<ArchiveEntryWriter>;
  end(): Promise<void>;
};

/**
 * What fflate 0.8's `Zip` keeps of each entry it wrote (its `u` list), which the central directory
 * is made of: the name's bytes, whether it is UTF-8, the comment's bytes, and, once the entry is
 * written, its CRC, compressed length, size and the bytes it took in all (header and descriptor).
 */
type WrittenEntry = {
  f: Uint8Array;
  u: boolean;
  o?: Uint8Array;
  extra?: Record<number, Uint8Array>;
  flag?: number;
  os?: number;
  attrs?: number;
  compression: number;
  mtime?: string | number | Date;
  crc: number;
  c: number;
  size: number;
  b: number;
};

/** fflate's `wbytes`: a number's bytes, little-endian, as many as it has (the rest stay 0). */
function putBytes(into: Uint8Array, at: number, value: number): void {
  for (let rest = value, i = at; rest; i += 1) {
    into[i] = rest;
    rest >>>= 8;
  }
}

/** An MS-DOS date and time, as a zip header holds it. */
function dosTime(when: Date): number {
  const year = when.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error('A zip can only date entries from 1980 to 2099.');
  return (
    (year << 25) |
    ((when.getMonth() + 1) << 21) |
    (when.getDate() << 16) |
    (when.getHours() << 11) |
    (when.getMinutes() << 5) |
    (when.getSeconds() >> 1)
  );
}

const extraLength = (entry: WrittenEntry): number =>
  Object.values(entry.extra ?? {}).reduce((sum, field) => sum + field.length + 4, 0);

const directoryLength = (entry: WrittenEntry): number =>
  46 + entry.f.length + extraLength(entry) + (entry.o ? entry.o.length : 0);

/**
 * The central directory records of `entries`, `offset` being where the first one's local header
 * starts: the bytes fflate's `Zip.end` writes for them (its `wzh`), dated `now` unless an entry
 * has its own time.
 */
function centralDirectory(entries: WrittenEntry[], offset: number, now: number): Uint8Array {
  const out = new Uint8Array(entries.reduce((sum, entry) => sum + directoryLength(entry), 0));
  const nowTime = dosTime(new Date(now));
  let at = 0;
  let local = offset;
  for (const entry of entries) {
    let b = at;
    putBytes(out, b, 0x2014b50);
    b += 4;
    out[b++] = 20;
    out[b++] = entry.os ?? 0;
    out[b] = 20;
    b += 2;
    out[b++] = ((entry.flag ?? 0) << 1) | 8;
    out[b++] = entry.u ? 8 : 0;
    out[b++] = entry.compression & 255;
    out[b++] = entry.compression >> 8;
    putBytes(out, b, entry.mtime == null ? nowTime : dosTime(new Date(entry.mtime)));
    b += 4;
    putBytes(out, b, entry.crc);
    putBytes(out, b + 4, entry.c);
    putBytes(out, b + 8, entry.size);
    putBytes(out, b + 12, entry.f.length);
    putBytes(out, b + 14, extraLength(entry));
    b += 16;
    putBytes(out, b, entry.o ? entry.o.length : 0);
    putBytes(out, b + 6, entry.attrs ?? 0);
    putBytes(out, b + 10, local);
    b += 14;
    out.set(entry.f, b);
    b += entry.f.length;
    for (const [id, field] of Object.entries(entry.extra ?? {})) {
      putBytes(out, b, Number(id));
      putBytes(out, b + 2, field.length);
      out.set(field, b + 4);
      b += 4 + field.length;
    }
    if (entry.o) out.set(entry.o, b);
    at += directoryLength(entry);
    local += entry.b;
  }
  return out;
}

/** The end of central directory record (fflate's `wzf`). */
function directoryEnd(count: number, length: number, offset: number): Uint8Array {
  const out = new Uint8Array(22);
  putBytes(out, 0, 0x6054b50);
  putBytes(out, 8, count);
  putBytes(out, 10, count);
  putBytes(out, 12, length);
  putBytes(out, 16, offset);
  return out;
}

/** The plain zip, each chunk awaited through `sink` before the next is made. */
export function zipTarget(sink: (chunk: Uint8Array) => Promise<void>): ArchiveTarget {
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
  /**
   * fflate's `Zip.end` writes the central directory in one go: for 50,000 entries, ~0.4 s of one
   * task. When every entry is written (its state `d` is 1), the same bytes are written here a
   * slice of entries at a time instead, the event loop given a turn between slices.
   */
  const endInSlices = async (): Promise<boolean> => {
    const state = zip as unknown as { d: number; u: WrittenEntry[] };
    if (state.d !== 1 || !Array.isArray(state.u)) return false;
    state.d = 2;
    const now = Date.now();
    let offset = 0;
    let length = 0;
    for (const entry of state.u) offset += entry.b;
    let local = 0;
    for (let start = 0; start < state.u.length; start += LINES_PER_SLICE) {
      const slice = state.u.slice(start, start + LINES_PER_SLICE);
      const bytes = centralDirectory(slice, local, now);
      for (const entry of slice) local += entry.b;
      length += bytes.byteLength;
      await sink(bytes);
      await nextTask();
    }
    await sink(directoryEnd(state.u.length, length, offset));
    return true;
  };
  return {
    async entry(name, compression) {
      const entry =
        compression === 'stored'
          ? new ZipPassThrough(name)
          : new ZipDeflate(name, { level: compression === 'fast' ? 1 : 6 });
      zip.add(entry);
      return {
        async push(bytes) {
          entry.push(bytes);
          await drain();
        },
        async end() {
          entry.push(new Uint8Array(0), true);
          await drain();
        },
      };
    },
    async end() {
      await drain();
      if (await endInSlices()) return;
      zip.end();
      await drain();
      if (!ended) throw new Error('The archive did not finish writing.');
    },
  };
}

export async function writeArchive(
  source: ArchiveSource,
  out: ((chunk: Uint8Array) => Promise<void>) | ArchiveTarget,
  onProgress?: (progress: ArchiveProgress) => void,
): Promise<ArchiveManifest> {
  const target = typeof out === 'function' ? zipTarget(out) : out;
  const entries: ArchiveEntry[] = [];
  const counts: Record<string, number> = {};
  const total = source.tables.length + 1;
  let done = 0;

  for (const table of source.tables) {
    onProgress?.({ done, total, phase: `Writing ${table.name}` });
    const path = recordsPath(table.name);
    const entry = await target.entry(path, 'fast');
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
      await entry.push(bytes);
      await nextTask();
    };
    for await (const batch of table.rows()) {
      for (const row of batch) {
        buffer += `${JSON.stringify(row)}\n`;
        count += 1;
        if (buffer.length >= RECORD_CHUNK_BYTES) await flush();
      }
    }
    await flush();
    await entry.end();
    entries.push({ path, size, sha256: hasher.digest('hex') });
    counts[table.name] = count;
    done += 1;
  }

  onProgress?.({ done, total, phase: 'Writing files' });
  let fileCount = 0;
  for await (const file of source.files()) {
    const path = filePath(file.sha256);
    const entry = await target.entry(path, 'stored');
    const hasher = file.contentAddressed ? null : await createSHA256();
    hasher?.init();
    let size = 0;
    for await (const slice of file.read()) {
      hasher?.update(slice);
      size += slice.byteLength;
      await entry.push(slice);
    }
    await entry.end();
    // Otherwise the checksum of what was actually written: a reader then catches a stored file
    // whose bytes no longer match its name instead of the backup hiding it.
    entries.push({ path, size, sha256: hasher ? hasher.digest('hex') : file.sha256 });
    fileCount += 1;
    if (fileCount % 16 === 0) {
      onProgress?.({ done, total, phase: `Writing files (${fileCount})` });
    }
  }

  // 50,000 files make a manifest of 10 MB and a checksums list of 7 MB. Validated, written out
  // and deflated in one go (with the central directory after them), they held the window for
  // one task of 0.75-1.2 s at the end of every such backup, 940 ms of it CPU in a trace, most of
  // it the deflating: the sink in a plain browser answers within the same task, so nothing
  // between them let the window breathe. Both are made and pushed a slice at a time, the event loop
  // given a turn between slices: the same bytes, deflated in pieces.
  const manifest = await validatedManifest({
    formatVersion: ARCHIVE_FORMAT_VERSION,
    kind: source.kind,
    schemaVersion: source.schemaVersion,
    appVersion: source.appVersion,
    createdAt: source.createdAt ?? new Date().toISOString(),
    counts,
    entries,
    ...source.extra,
  });
  // Hashed as it is pushed, each slice before the push: a target may take the bytes away.
  const manifestHash = await createSHA256();
  manifestHash.init();
  const manifestEntry = await target.entry(MANIFEST_PATH, 'small');
  for (const text of manifestText(manifest)) {
    const bytes = encoder.encode(text);
    manifestHash.update(bytes);
    await manifestEntry.push(bytes);
    await nextTask();
  }
  await manifestEntry.end();

  const checksumsEntry = await target.entry(CHECKSUMS_PATH, 'small');
  const lines = [
    ...entries.map((item) => `${item.sha256}  ${item.path}`),
    `${manifestHash.digest('hex')}  ${MANIFEST_PATH}`,
  ];
  for (let start = 0; start < lines.length; start += LINES_PER_SLICE) {
    const slice = lines.slice(start, start + LINES_PER_SLICE);
    await checksumsEntry.push(encoder.encode(`${slice.join('\n')}\n`));
    await nextTask();
  }
  await checksumsEntry.end();

  await target.end();
  onProgress?.({ done: total, total, phase: 'Done' });
  return manifest;
}
