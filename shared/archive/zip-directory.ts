/**
 * Reads the central directory of a zip held in a Blob, without reading the entries themselves.
 * fflate writes archives as a stream (sizes after the data), and its readers either hold the whole
 * zip in memory or trust local headers; reading the directory here lets the reader check every
 * entry's name and declared sizes before inflating anything (zip bombs, `../` paths) and keeps
 * stored files as Blob slices, so restoring a large backup does not load its files into memory.
 */
import { ArchiveError } from './archive-error';
import { shownName } from './entry-names';

export type ZipDirectoryEntry = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** Marked as a symbolic link (Unix mode in the external attributes): never a Casefile entry. */
  isSymlink: boolean;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const ZIP64_MARK = 0xffffffff;

async function bytesOf(blob: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

/**
 * An entry's name. Casefile's own names are ASCII, read here without a TextDecoder call each: at
 * 50,000 entries those calls took a third of a second, on whichever thread asked.
 */
function nameOf(decoder: TextDecoder, bytes: Uint8Array): string {
  let name = '';
  for (let i = 0; i < bytes.byteLength; i += 1) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return decoder.decode(bytes);
    name += String.fromCharCode(byte);
  }
  return name;
}

export async function readZipDirectory(archive: Blob): Promise<ZipDirectoryEntry[]> {
  const notZip = new ArchiveError(
    'not-a-zip',
    'This file is not a Casefile archive (it is not a zip file). Nothing was changed.',
  );
  if (archive.size < EOCD_MIN) throw notZip;
  const head = await bytesOf(archive, 0, 4);
  const startsLikeZip = head.getUint32(0, true) === LOCAL_SIGNATURE;

  const tailStart = Math.max(0, archive.size - (EOCD_MIN + 0xffff));
  const tail = await bytesOf(archive, tailStart, archive.size);
  let eocd = -1;
  for (let at = tail.byteLength - EOCD_MIN; at >= 0; at -= 1) {
    if (tail.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    if (startsLikeZip) {
      throw new ArchiveError(
        'truncated',
        'This archive is incomplete (its end is missing, perhaps it was cut off while copying). Nothing was changed.',
      );
    }
    throw notZip;
  }
  const entryCount = tail.getUint16(eocd + 10, true);
  const directorySize = tail.getUint32(eocd + 12, true);
  const directoryOffset = tail.getUint32(eocd + 16, true);
  if (directoryOffset === ZIP64_MARK || entryCount === 0xffff) {
    throw new ArchiveError(
      'too-large',
      'This archive is larger than Casefile can read (over 4 GB). Nothing was changed.',
    );
  }
  if (directoryOffset + directorySize > tailStart + eocd) {
    throw new ArchiveError(
      'truncated',
      'This archive is incomplete (part of it is missing). Nothing was changed.',
    );
  }
  const directory = await bytesOf(archive, directoryOffset, directoryOffset + directorySize);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipDirectoryEntry[] = [];
  let at = 0;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > directory.byteLength || directory.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ArchiveError(
        'truncated',
        'This archive is damaged (its table of contents cannot be read). Nothing was changed.',
      );
    }
    const madeOnUnix = directory.getUint8(at + 5) === 3;
    const unixMode = directory.getUint32(at + 38, true) >>> 16;
    const method = directory.getUint16(at + 10, true);
    const compressedSize = directory.getUint32(at + 20, true);
    const size = directory.getUint32(at + 24, true);
    const nameLength = directory.getUint16(at + 28, true);
    const extraLength = directory.getUint16(at + 30, true);
    const commentLength = directory.getUint16(at + 32, true);
    const localHeaderOffset = directory.getUint32(at + 42, true);
    if (at + 46 + nameLength > directory.byteLength) {
      throw new ArchiveError(
        'truncated',
        'This archive is damaged (its table of contents cannot be read). Nothing was changed.',
      );
    }
    const name = nameOf(
      decoder,
      new Uint8Array(directory.buffer, directory.byteOffset + at + 46, nameLength),
    );
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || localHeaderOffset === ZIP64_MARK) {
      throw new ArchiveError(
        'too-large',
        `The entry “${shownName(name)}” is larger than Casefile can read (over 4 GB). Nothing was changed.`,
      );
    }
    const isSymlink = madeOnUnix && (unixMode & 0o170000) === 0o120000;
    entries.push({ name, method, compressedSize, size, localHeaderOffset, isSymlink });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The size of a local header before its name and extra field. */
export const LOCAL_HEADER_BYTES = 30;

/**
 * Where an entry's data starts and ends, given the 30 bytes of its local header (read by the
 * caller, which batches its reads), checked against the archive's real size.
 */
export function localDataRange(
  header: Uint8Array,
  entry: ZipDirectoryEntry,
  archiveSize: number,
): { start: number; end: number } {
  if (header.byteLength < LOCAL_HEADER_BYTES) {
    throw new ArchiveError(
      'truncated',
      `This archive is incomplete (the entry “${shownName(entry.name)}” is missing). Nothing was changed.`,
    );
  }
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint32(0, true) !== LOCAL_SIGNATURE) {
    throw new ArchiveError(
      'truncated',
      `This archive is damaged (the entry “${shownName(entry.name)}” cannot be found where its table of contents says). Nothing was changed.`,
    );
  }
  const start =
    entry.localHeaderOffset +
    LOCAL_HEADER_BYTES +
    view.getUint16(26, true) +
    view.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > archiveSize) {
    throw new ArchiveError(
      'truncated',
      `This archive is incomplete (the entry “${shownName(entry.name)}” is cut short). Nothing was changed.`,
    );
  }
  return { start, end };
}

/** Where an entry's data starts and ends in the archive, checked against the archive's real size. */
export async function entryDataRange(
  archive: Blob,
  entry: ZipDirectoryEntry,
): Promise<{ start: number; end: number }> {
  const header = new Uint8Array(
    await archive
      .slice(entry.localHeaderOffset, entry.localHeaderOffset + LOCAL_HEADER_BYTES)
      .arrayBuffer(),
  );
  return localDataRange(header, entry, archive.size);
}
