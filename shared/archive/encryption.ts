/**
 * Passphrase encryption for Casefile archives, as an envelope around the plain archive: the plain
 * zip (records, files, manifest, checksums) is written as usual, then every one of its entries is
 * sealed into an entry of a second zip named only `e/000001`, `e/000002`, … so the outer zip's
 * listing shows nothing but sizes. Reading opens the envelope as a source of the plain entries
 * (`openSealedArchive`), which the ordinary reader then verifies in full as it would a plain zip's,
 * so the two concerns stay apart and the archive is read once.
 *
 * Keys: Argon2id (hash-wasm) turns the passphrase into a key-encryption key; a random 256-bit data
 * key, wrapped by it with AES-256-GCM, seals the entries (AES-256-GCM, WebCrypto, a random 96-bit
 * nonce per segment). The clear header `casefile-encryption.json` holds only the format version,
 * the KDF parameters, the salt and the wrapped key; the KDF parameters are bound into the wrap as
 * additional data, so weakening them in the header makes the key fail to unwrap.
 *
 * Each entry is a sequence of sealed segments of at most 1 MiB: the first holds the entry's real
 * name and whether it was deflated, the rest its bytes. Every segment's additional data names the
 * entry's index, the real name, the segment's number and whether it is the last, so an entry moved
 * to another place, segments reordered or an entry cut short fail to open. A final sealed entry
 * holds the number of entries, so one dropped from the end is caught as well.
 */
import { Inflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { ArchiveError } from './archive-error';
import type { ArchiveTarget } from './write-archive';
import {
  WINDOW_BYTES,
  WindowReader,
  type ArchiveEntrySource,
  type EntryData,
} from './entry-source';
import {
  LOCAL_HEADER_BYTES,
  entryDataRange,
  localDataRange,
  readZipDirectory,
  type ZipDirectoryEntry,
} from './zip-directory';

/** The clear header of an encrypted archive; its presence is what marks one. */
export const ENCRYPTION_HEADER_PATH = 'casefile-encryption.json';
/**
 * The encrypted layout is format 2 of Casefile archives; format 1 (plain) archives, which have no
 * header, still open as before, and the plain archive inside keeps its own manifest version.
 */
export const ENCRYPTED_FORMAT_VERSION = 2 as const;
const SEALED_PREFIX = 'e/';
/** Plain bytes per sealed segment: bounds memory on both sides whatever the size of a file. */
const SEGMENT_BYTES = 1024 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const END_NAME = '\u0000end';

export const WRONG_PASSPHRASE_MESSAGE =
  'The passphrase is not right for this file. Nothing was changed.';
export {
  MIN_PASSPHRASE_LENGTH,
  passphraseProblem,
  passphraseStrength,
  type PassphraseStrength,
} from './passphrase-rules';

export type KdfParams = { memoryKiB: number; iterations: number; parallelism: number };
/** What the product uses: 64 MiB, three passes, one lane (OWASP's second Argon2id setting). */
export const STRONG_KDF: KdfParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

const base64Schema = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(200);

export const encryptionHeaderSchema = z.object({
  formatVersion: z.literal(ENCRYPTED_FORMAT_VERSION),
  kdf: z.object({
    name: z.literal('argon2id'),
    // Bounded, so a hostile header cannot ask for gigabytes of memory or hours of work.
    memoryKiB: z
      .number()
      .int()
      .min(8)
      .max(1024 * 1024),
    iterations: z.number().int().min(1).max(20),
    parallelism: z.number().int().min(1).max(16),
    salt: base64Schema,
  }),
  wrappedKey: z.object({ nonce: base64Schema, ciphertext: base64Schema }),
});
export type EncryptionHeader = z.infer<typeof encryptionHeaderSchema>;

/** Bytes WebCrypto accepts (not backed by a SharedArrayBuffer). */
type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

function damaged(detail: string): ArchiveError {
  return new ArchiveError(
    'checksum',
    `This encrypted archive is damaged or was altered (${detail}). Nothing was changed.`,
  );
}

async function keyEncryptionKey(
  passphrase: string,
  kdf: EncryptionHeader['kdf'],
): Promise<CryptoKey> {
  const raw = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: fromBase64(kdf.salt),
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The header fields the wrapped key is bound to. */
function wrapAdditionalData(header: Pick<EncryptionHeader, 'formatVersion' | 'kdf'>): Bytes {
  const { name, memoryKiB, iterations, parallelism, salt } = header.kdf;
  return encoder.encode(
    `casefile-key|${header.formatVersion}|${name}|${memoryKiB}|${iterations}|${parallelism}|${salt}`,
  );
}

export type ArchiveKey = { header: EncryptionHeader; dataKey: CryptoKey };

/** Makes a new data key and the header that carries it wrapped under the passphrase. */
export async function createArchiveKey(
  passphrase: string,
  kdf: KdfParams = STRONG_KDF,
): Promise<ArchiveKey> {
  const partial = {
    formatVersion: ENCRYPTED_FORMAT_VERSION,
    kdf: { name: 'argon2id' as const, ...kdf, salt: toBase64(randomBytes(16)) },
  };
  const rawKey = randomBytes(32);
  const nonce = randomBytes(NONCE_BYTES);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: wrapAdditionalData(partial) },
    await keyEncryptionKey(passphrase, partial.kdf),
    rawKey,
  );
  const dataKey = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  rawKey.fill(0);
  const header = encryptionHeaderSchema.parse({
    ...partial,
    wrappedKey: { nonce: toBase64(nonce), ciphertext: toBase64(new Uint8Array(wrapped)) },
  });
  return { header, dataKey };
}

/** Unwraps the data key; a wrong passphrase (or an altered header) throws the one clear message. */
export async function openArchiveKey(
  header: EncryptionHeader,
  passphrase: string,
): Promise<CryptoKey> {
  let raw: ArrayBuffer;
  try {
    raw = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(header.wrappedKey.nonce),
        additionalData: wrapAdditionalData(header),
      },
      await keyEncryptionKey(passphrase, header.kdf),
      fromBase64(header.wrappedKey.ciphertext),
    );
  } catch {
    throw new ArchiveError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  }
  const bytes = new Uint8Array(raw);
  const key = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['decrypt']);
  bytes.fill(0);
  return key;
}

function segmentAdditionalData(index: number, name: string, segment: number, last: boolean) {
  return encoder.encode(`casefile-entry|${index}|${segment}|${last ? 1 : 0}|${name}`);
}

/** One sealed segment as it lies in the zip: u32 length, nonce, ciphertext with its tag. */
async function seal(key: CryptoKey, plain: Bytes, additionalData: Bytes) {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData }, key, plain),
  );
  const out = new Uint8Array(4 + NONCE_BYTES + sealed.byteLength);
  new DataView(out.buffer).setUint32(0, NONCE_BYTES + sealed.byteLength, true);
  out.set(nonce, 4);
  out.set(sealed, 4 + NONCE_BYTES);
  return out;
}

async function openSealed(key: CryptoKey, record: Bytes, additionalData: Bytes) {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: record.subarray(0, NONCE_BYTES), additionalData },
        key,
        record.subarray(NONCE_BYTES),
      ),
    );
  } catch {
    return null;
  }
}

export const sealedEntryName = (index: number): string =>
  `${SEALED_PREFIX}${String(index).padStart(6, '0')}`;

/** Whether a Blob is an encrypted Casefile archive, read from its table of contents only. */
export async function readEncryptionHeader(archive: Blob): Promise<EncryptionHeader | null> {
  return headerOf(archive, await readZipDirectory(archive));
}

async function headerOf(
  archive: Blob,
  directory: readonly ZipDirectoryEntry[],
): Promise<EncryptionHeader | null> {
  const entry = directory.find((item) => item.name === ENCRYPTION_HEADER_PATH);
  if (!entry) return null;
  if (entry.method !== 0 || entry.size > 4096) throw damaged('its header is not readable');
  const range = await entryDataRange(archive, entry);
  try {
    return encryptionHeaderSchema.parse(
      JSON.parse(decoder.decode(await archive.slice(range.start, range.end).arrayBuffer())),
    );
  } catch {
    throw damaged('its header is not readable');
  }
}

async function* plainEntryBytes(
  archive: Blob,
  entry: ZipDirectoryEntry,
): AsyncGenerator<Uint8Array> {
  const { start, end } = await entryDataRange(archive, entry);
  const queue: Uint8Array[] = [];
  const inflate = entry.method === 8 ? new Inflate((chunk) => queue.push(chunk)) : null;
  for (let at = start; at < end; at += SEGMENT_BYTES) {
    const slice = new Uint8Array(
      await archive.slice(at, Math.min(end, at + SEGMENT_BYTES)).arrayBuffer(),
    );
    if (!inflate) {
      yield slice;
      continue;
    }
    inflate.push(slice, at + SEGMENT_BYTES >= end);
    while (queue.length > 0) yield queue.shift() as Uint8Array;
  }
}

export type EncryptOptions = { kdf?: KdfParams; signal?: AbortSignal };

/**
 * Seals a Casefile archive entry by entry as it is written, streaming the encrypted zip to `sink`
 * one sealed segment at a time: at most one segment (1 MiB) of an entry is held, whatever its size.
 * `push` takes ownership of the bytes it is given.
 */
export type ArchiveSealer = {
  beginEntry(name: string, deflate: boolean): Promise<void>;
  push(bytes: Uint8Array): Promise<void>;
  endEntry(): Promise<void>;
  /** Seals the closing count of entries and ends the zip. */
  finish(): Promise<void>;
  /** Gives up: nothing more is written (a worker-backed sealer frees its key). */
  abort(): Promise<void>;
};

/** How a sealer is made: in this thread (createArchiveSealer) or in a worker (the renderer's). */
export type OpenSealer = (
  passphrase: string,
  sink: (chunk: Uint8Array) => Promise<void>,
  options?: EncryptOptions,
) => Promise<ArchiveSealer>;

function joinBytes(chunks: readonly Uint8Array[], size: number): Bytes {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export const createArchiveSealer: OpenSealer = async (passphrase, sink, options = {}) => {
  const { header, dataKey } = await createArchiveKey(passphrase, options.kdf);
  const queued: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else queued.push(chunk);
  });
  const drain = async (): Promise<void> => {
    if (zipError) throw zipError;
    while (queued.length > 0) await sink(queued.shift() as Uint8Array);
  };
  const headerEntry = new ZipPassThrough(ENCRYPTION_HEADER_PATH);
  zip.add(headerEntry);
  headerEntry.push(encoder.encode(JSON.stringify(header)), true);
  await drain();

  type Open = {
    name: string;
    entry: ZipPassThrough;
    segment: number;
    /** Sealed only once it is known whether another segment follows. */
    previous: Bytes;
    pending: Uint8Array[];
    pendingBytes: number;
  };
  let index = 0;
  let current: Open | null = null;
  let finished = false;

  const sealPrevious = async (open: Open, last: boolean): Promise<void> => {
    // The first segment carries the name as its plaintext, so it binds the index alone.
    const boundName = open.segment === 0 ? '' : open.name;
    const data = segmentAdditionalData(index, boundName, open.segment, last);
    open.entry.push(await seal(dataKey, open.previous, data), last);
    open.segment += 1;
    await drain();
  };
  const opened = (): Open => {
    if (!current || finished) throw new Error('No archive entry is open for sealing.');
    return current;
  };

  const sealer: ArchiveSealer = {
    async beginEntry(name, deflate) {
      if (current || finished) throw new Error('The previous archive entry was not ended.');
      index += 1;
      const entry = new ZipPassThrough(sealedEntryName(index));
      zip.add(entry);
      current = {
        name,
        entry,
        segment: 0,
        previous: encoder.encode(JSON.stringify({ name, deflate })),
        pending: [],
        pendingBytes: 0,
      };
    },
    async push(bytes) {
      const open = opened();
      options.signal?.throwIfAborted();
      for (let at = 0; at < bytes.byteLength;) {
        const take = Math.min(SEGMENT_BYTES - open.pendingBytes, bytes.byteLength - at);
        open.pending.push(bytes.subarray(at, at + take));
        open.pendingBytes += take;
        at += take;
        if (open.pendingBytes === SEGMENT_BYTES) {
          await sealPrevious(open, false);
          open.previous = joinBytes(open.pending, open.pendingBytes);
          open.pending = [];
          open.pendingBytes = 0;
        }
      }
    },
    async endEntry() {
      const open = opened();
      if (open.pendingBytes > 0) {
        await sealPrevious(open, false);
        open.previous = joinBytes(open.pending, open.pendingBytes);
      }
      await sealPrevious(open, true);
      current = null;
    },
    async finish() {
      const count = index;
      await sealer.beginEntry(END_NAME, false);
      await sealer.push(encoder.encode(JSON.stringify({ entries: count })));
      await sealer.endEntry();
      finished = true;
      zip.end();
      await drain();
    },
    async abort() {
      finished = true;
      current = null;
    },
  };
  return sealer;
};

/**
 * Seals a plain Casefile archive under a passphrase, streaming the result to `sink` one sealed
 * segment at a time. The plain archive is read entry by entry; nothing is held whole.
 */
export async function encryptArchive(
  plain: Blob,
  passphrase: string,
  sink: (chunk: Uint8Array) => Promise<void>,
  options: EncryptOptions = {},
): Promise<void> {
  const sealer = await createArchiveSealer(passphrase, sink, options);
  for (const item of await readZipDirectory(plain)) {
    await sealer.beginEntry(item.name, item.method === 8);
    for await (const chunk of plainEntryBytes(plain, item)) await sealer.push(chunk);
    await sealer.endEntry();
  }
  await sealer.finish();
}

/** Writes an archive (write-archive.ts) straight into a sealer, entry by entry. */
export function sealedTarget(sealer: ArchiveSealer): ArchiveTarget {
  return {
    async entry(name, compression) {
      await sealer.beginEntry(name, compression !== 'stored');
      return { push: (bytes) => sealer.push(bytes), end: () => sealer.endEntry() };
    },
    end: () => sealer.finish(),
  };
}

/** Where one sealed entry's body lies: its segments after the head, walked and checked. */
type SealedBody = {
  index: number;
  name: string;
  /** Where each segment (its u32 length, nonce, ciphertext) starts; [0] is the head's. */
  segments: number[];
  end: number;
  /** Read through the archive's window (a small entry) or straight from the archive. */
  windowed: boolean;
};

/** Plain bytes kept at a time as one Blob part (see `keptFiles`). */
const KEPT_PART_BYTES = 4 * SEGMENT_BYTES;

/**
 * Bytes kept as they are read (stored files' plain bytes, or a whole plain zip). They are joined into parts of a few megabytes,
 * each made a Blob at once: a Blob of thousands of small parts is slow to slice (seconds for a few
 * megabytes in Node), and the browser keeps Blob bytes outside the heap (on disk when large), so a
 * backup of gigabytes holds one part in memory, not the whole archive.
 */
function keptFiles() {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let size = 0;
  const join = (): void => {
    if (pendingBytes === 0) return;
    parts.push(new Blob([joinBytes(pending, pendingBytes)]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    /** Where `bytes` more will lie once they have been held. */
    reserve(bytes: number): { start: number; end: number } {
      size += bytes;
      return { start: size - bytes, end: size };
    },
    /** Takes the chunk as it is: the caller no longer changes it. */
    hold(chunk: Uint8Array): void {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= KEPT_PART_BYTES) join();
    },
    blob(type = ''): Blob {
      join();
      return new Blob(parts, { type });
    },
  };
}

/**
 * Opens an encrypted archive as a source of its plain entries for readArchive (entry-source.ts),
 * without writing the plain archive anywhere. Opening checks the header, the passphrase, each
 * sealed entry's name and place, the shape of its segments, its head (the real name) and, for an
 * entry of more than one data segment, its last segment, and the closing count of entries: so an
 * entry swapped, reordered, dropped or lengthened is refused here, with the messages decryption
 * always gave. Each data segment is then checked as readArchive reads it (one altered byte refuses
 * the archive before anything is written), and an entry smaller than its manifest says (cut at a
 * segment's end) is read through before it is refused, so it is refused as damaged (`checkSize`).
 */
export async function openSealedArchive(
  archive: Blob,
  passphrase: string,
  options: { signal?: AbortSignal } = {},
): Promise<ArchiveEntrySource> {
  const directory = await readZipDirectory(archive);
  const header = await headerOf(archive, directory);
  if (!header) throw damaged('it has no encryption header');
  const key = await openArchiveKey(header, passphrase);
  const sealed = directory.filter((item) => item.name !== ENCRYPTION_HEADER_PATH);
  sealed.forEach((item, position) => {
    if (item.name !== sealedEntryName(position + 1) || item.method !== 0) {
      throw damaged(`the entry “${item.name}” is not where it belongs`);
    }
  });
  const reader = new WindowReader(archive);
  const direct = async (start: number, end: number) =>
    new Uint8Array(await archive.slice(start, end).arrayBuffer());
  const readBody = (body: SealedBody, start: number, end: number) =>
    body.windowed ? reader.read(start, end) : direct(start, end);
  const recordOf = (body: SealedBody, segment: number) => {
    const start = body.segments[segment]! + 4;
    return readBody(body, start, body.segments[segment + 1] ?? body.end) as Promise<Bytes>;
  };
  const openSegment = async (body: SealedBody, segment: number, record: Bytes) => {
    const last = segment === body.segments.length - 1;
    // The first segment carries the name (authenticated as its plaintext), so its additional
    // data binds the index alone; every later segment binds both.
    const name = segment === 0 ? '' : body.name;
    const plain = await openSealed(
      key,
      record,
      segmentAdditionalData(body.index, name, segment, last),
    );
    if (!plain) throw damaged(`entry ${body.index} is not in its place or was altered`);
    return plain;
  };

  const entries: ZipDirectoryEntry[] = [];
  const bodies = new Map<ZipDirectoryEntry, SealedBody>();
  let ended = false;
  for (const [position, item] of sealed.entries()) {
    options.signal?.throwIfAborted();
    const index = position + 1;
    const windowed = item.compressedSize <= WINDOW_BYTES / 2;
    const local = windowed
      ? await reader.read(item.localHeaderOffset, item.localHeaderOffset + LOCAL_HEADER_BYTES)
      : await direct(item.localHeaderOffset, item.localHeaderOffset + LOCAL_HEADER_BYTES);
    const { start, end } = localDataRange(local, item, archive.size);
    const body: SealedBody = { index, name: '', segments: [], end, windowed };
    for (let at = start; at < end;) {
      if (at + 4 > end) throw damaged(`entry ${index} is cut short`);
      const prefix = await readBody(body, at, at + 4);
      const length = new DataView(prefix.buffer, prefix.byteOffset, 4).getUint32(0, true);
      if (
        length < NONCE_BYTES + TAG_BYTES ||
        length > NONCE_BYTES + SEGMENT_BYTES + TAG_BYTES + 4096
      )
        throw damaged(`entry ${index} is not readable`);
      if (at + 4 + length > end) throw damaged(`entry ${index} is cut short`);
      body.segments.push(at);
      at += 4 + length;
    }
    if (body.segments.length === 0) throw damaged(`entry ${index} is cut short`);
    const head = z
      .object({ name: z.string(), deflate: z.boolean() })
      .parse(JSON.parse(decoder.decode(await openSegment(body, 0, await recordOf(body, 0)))));
    body.name = head.name;
    const count = body.segments.length;
    if (head.name === END_NAME) {
      const bodyBytes: Uint8Array[] = [];
      for (let segment = 1; segment < count; segment += 1) {
        bodyBytes.push(await openSegment(body, segment, await recordOf(body, segment)));
      }
      const closing = z
        .object({ entries: z.number().int() })
        .safeParse(JSON.parse(decoder.decode(bodyBytes[0] ?? new Uint8Array(0))));
      if (!closing.success || closing.data.entries !== index - 1 || index !== sealed.length) {
        throw damaged('entries are missing');
      }
      ended = true;
      break;
    }
    // Only the last segment says it is the last, and which it is: checked now for an entry of
    // several, so one lengthened is refused as such, not for a size beyond a limit. One cut or
    // missing a segment is smaller than its manifest says, and read through then (`checkSize`):
    // checking every entry's end here would open most small entries twice.
    if (count > 2) await openSegment(body, count - 1, await recordOf(body, count - 1));
    // Every data segment is its plain bytes and a length, nonce and tag.
    const size = end - (body.segments[1] ?? end) - (count - 1) * (4 + NONCE_BYTES + TAG_BYTES);
    const entry: ZipDirectoryEntry = {
      name: head.name,
      method: head.deflate ? 8 : 0,
      compressedSize: size,
      size,
      localHeaderOffset: item.localHeaderOffset,
      isSymlink: false,
    };
    entries.push(entry);
    bodies.set(entry, body);
  }
  if (!ended) throw damaged('entries are missing');

  async function* segments(body: SealedBody): AsyncGenerator<Uint8Array> {
    const count = body.segments.length;
    // Read straight from the archive, the next segment is read while this one is opened.
    let next = body.windowed ? null : recordOf(body, 1);
    try {
      for (let segment = 1; segment < count; segment += 1) {
        const record = next ? await next : await recordOf(body, segment);
        next = !body.windowed && segment + 1 < count ? recordOf(body, segment + 1) : null;
        yield await openSegment(body, segment, record);
      }
    } finally {
      next?.catch(() => undefined);
    }
  }
  const data = async (entry: ZipDirectoryEntry): Promise<EntryData> => {
    const body = bodies.get(entry);
    if (!body) throw new Error(`“${entry.name}” is not an entry of this archive.`);
    if (body.segments.length === 1) return new Uint8Array(0);
    // One data segment in the window: opened at once, without a stream's machinery per entry.
    if (body.segments.length === 2 && body.windowed) {
      return openSegment(body, 1, await recordOf(body, 1));
    }
    return segments(body);
  };
  const kept = keptFiles();
  async function* keeping(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) {
      kept.hold(chunk);
      yield chunk;
    }
  }
  return {
    entries,
    inflated: true,
    data,
    async keep(entry) {
      const place = kept.reserve(entry.size);
      const opened = await data(entry);
      if (!(opened instanceof Uint8Array)) return { data: keeping(opened), place };
      kept.hold(opened);
      return { data: opened, place };
    },
    kept: () => kept.blob(),
    async checkSize(entry) {
      const opened = await data(entry);
      if (opened instanceof Uint8Array) return;
      // Each segment is checked as it is opened; the bytes are not needed.
      for await (const chunk of opened) void chunk;
    },
  };
}

/**
 * Opens an encrypted archive back into the plain Casefile archive it holds, with every check of
 * `openSealedArchive` and every data segment's. The app reads an encrypted archive through
 * `openSealedArchive` instead; this writes the plain archive whole (the deflated entries deflated
 * again), for a person or a test that wants the zip itself.
 */
export async function decryptArchive(
  archive: Blob,
  passphrase: string,
  options: { signal?: AbortSignal } = {},
): Promise<Blob> {
  const source = await openSealedArchive(archive, passphrase, options);
  const parts = keptFiles();
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else parts.hold(chunk);
  });
  for (const entry of source.entries) {
    options.signal?.throwIfAborted();
    const out =
      entry.method === 8
        ? new ZipDeflate(entry.name, { level: 1 })
        : new ZipPassThrough(entry.name);
    zip.add(out);
    const data = await source.data(entry);
    if (data instanceof Uint8Array) out.push(data);
    else for await (const chunk of data) out.push(chunk);
    out.push(new Uint8Array(0), true);
    if (zipError) throw zipError;
  }
  zip.end();
  if (zipError) throw zipError;
  return parts.blob('application/zip');
}
