/**
 * Passphrase encryption for Casefile archives, as an envelope around the plain archive: the plain
 * zip (records, files, manifest, checksums) is written as usual, then every one of its entries is
 * sealed into an entry of a second zip named only `e/000001`, `e/000002`, … so the outer zip's
 * listing shows nothing but sizes. Reading opens the envelope back into the plain zip, which the
 * ordinary reader then verifies in full, so the two concerns stay apart.
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
import { readZipDirectory, entryDataRange, type ZipDirectoryEntry } from './zip-directory';

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
  const directory = await readZipDirectory(archive);
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

/** Reads one sealed entry's segments, checking each against its place; yields the plain name first. */
async function* openEntry(
  archive: Blob,
  entry: ZipDirectoryEntry,
  index: number,
  key: CryptoKey,
): AsyncGenerator<Uint8Array> {
  const { start, end } = await entryDataRange(archive, entry);
  let name: string | null = null;
  let segment = 0;
  let sawLast = false;
  for (let at = start; at < end;) {
    if (sawLast) throw damaged(`entry ${index} has bytes after its end`);
    if (at + 4 > end) throw damaged(`entry ${index} is cut short`);
    const length = new DataView(await archive.slice(at, at + 4).arrayBuffer()).getUint32(0, true);
    if (length < NONCE_BYTES + TAG_BYTES || length > NONCE_BYTES + SEGMENT_BYTES + TAG_BYTES + 4096)
      throw damaged(`entry ${index} is not readable`);
    if (at + 4 + length > end) throw damaged(`entry ${index} is cut short`);
    const record = new Uint8Array(await archive.slice(at + 4, at + 4 + length).arrayBuffer());
    at += 4 + length;
    const last = at === end;
    let plain: Uint8Array | null;
    if (name === null) {
      // The first segment carries the name (authenticated as its plaintext), so its additional
      // data binds the index alone; every later segment binds both.
      plain = await openSealed(key, record, segmentAdditionalData(index, '', 0, last));
      if (!plain) throw damaged(`entry ${index} is not in its place or was altered`);
      const head = z
        .object({ name: z.string(), deflate: z.boolean() })
        .parse(JSON.parse(decoder.decode(plain)));
      name = head.name;
      yield encoder.encode(JSON.stringify(head));
    } else {
      plain = await openSealed(key, record, segmentAdditionalData(index, name, segment, last));
      if (!plain) throw damaged(`entry ${index} is not in its place or was altered`);
      yield plain;
    }
    sawLast = last;
    segment += 1;
  }
  if (!sawLast) throw damaged(`entry ${index} is cut short`);
}

/**
 * Opens an encrypted archive back into the plain Casefile archive it holds, checking the header,
 * the passphrase, and every entry's place, order and completeness. The result is a Blob the
 * ordinary reader then verifies (checksums, manifest, records) as it does any archive.
 */
export async function decryptArchive(
  archive: Blob,
  passphrase: string,
  options: { signal?: AbortSignal } = {},
): Promise<Blob> {
  const header = await readEncryptionHeader(archive);
  if (!header) throw damaged('it has no encryption header');
  const key = await openArchiveKey(header, passphrase);
  const directory = await readZipDirectory(archive);
  const sealed = directory.filter((item) => item.name !== ENCRYPTION_HEADER_PATH);
  sealed.forEach((item, position) => {
    if (item.name !== sealedEntryName(position + 1) || item.method !== 0) {
      throw damaged(`the entry “${item.name}” is not where it belongs`);
    }
  });
  // fflate emits many small chunks; a Blob of thousands of parts is slow to slice (seconds for a
  // few megabytes in Node), so they are joined into parts of a few megabytes as they come, and
  // each part becomes a Blob at once: the browser keeps Blob bytes outside the heap (on disk when
  // large), so opening a backup of gigabytes holds one part in memory, not the whole archive.
  const parts: Blob[] = [];
  let pendingParts: Uint8Array[] = [];
  let pendingBytes = 0;
  const joinPending = (): void => {
    if (pendingBytes === 0) return;
    const part = new Uint8Array(pendingBytes);
    let at = 0;
    for (const chunk of pendingParts) {
      part.set(chunk, at);
      at += chunk.byteLength;
    }
    parts.push(new Blob([part]));
    pendingParts = [];
    pendingBytes = 0;
  };
  let zipError: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else {
      pendingParts.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= 4 * SEGMENT_BYTES) joinPending();
    }
  });
  let ended = false;
  for (const [position, item] of sealed.entries()) {
    options.signal?.throwIfAborted();
    const index = position + 1;
    let out: ZipDeflate | ZipPassThrough | null = null;
    let name = '';
    const body: Uint8Array[] = [];
    for await (const plain of openEntry(archive, item, index, key)) {
      if (name === '') {
        const head = JSON.parse(decoder.decode(plain)) as { name: string; deflate: boolean };
        name = head.name;
        if (name === END_NAME) continue;
        out = head.deflate ? new ZipDeflate(name, { level: 1 }) : new ZipPassThrough(name);
        zip.add(out);
        continue;
      }
      if (name === END_NAME) body.push(plain);
      else out?.push(plain);
    }
    if (name === END_NAME) {
      const end = z
        .object({ entries: z.number().int() })
        .safeParse(JSON.parse(decoder.decode(body[0] ?? new Uint8Array(0))));
      if (!end.success || end.data.entries !== index - 1 || index !== sealed.length) {
        throw damaged('entries are missing');
      }
      ended = true;
      break;
    }
    out?.push(new Uint8Array(0), true);
    if (zipError) throw zipError;
  }
  if (!ended) throw damaged('entries are missing');
  zip.end();
  if (zipError) throw zipError;
  joinPending();
  return new Blob(parts, { type: 'application/zip' });
}
