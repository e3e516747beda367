/**
 * Where readArchive (read-archive.ts) reads an archive's entries from: a table of contents (names
 * and declared sizes, checked before anything is read) and each entry's bytes on demand. The plain
 * zip is one source (`zipEntrySource`, below); an encrypted archive is another (encryption.ts
 * `openSealedArchive`), which hands out each entry's plain bytes straight from its sealed
 * segments, so an encrypted archive is read once, not opened into a second zip and read again.
 * readArchive applies the same limits and checks to both.
 */
import { blobSlices } from '../blob-slices';
import {
  LOCAL_HEADER_BYTES,
  localDataRange,
  readZipDirectory,
  type ZipDirectoryEntry,
} from './zip-directory';

/** Where a kept entry's bytes lie in the source's `kept()` Blob. */
export type EntryPlace = { start: number; end: number };

/**
 * One entry's data: one piece when it is small (read from a window ahead, without the machinery of
 * a stream: 50,000 entries feel an async generator each), else a stream of pieces.
 */
export type EntryData = Uint8Array | AsyncIterable<Uint8Array>;

export type ArchiveEntrySource = {
  /** Every entry, in the order they lie; `localHeaderOffset` orders them, whatever it means. */
  readonly entries: readonly ZipDirectoryEntry[];
  /**
   * True when a deflated entry's (method 8) data comes out already inflated: a sealed entry holds
   * its plain bytes, and the method only says how the plain zip stored it.
   */
  readonly inflated: boolean;
  /** An entry's data as the source holds it. */
  data(entry: ZipDirectoryEntry): Promise<EntryData>;
  /**
   * A stored file's data, whose bytes then stay available in `kept()` at the place answered, for
   * a restore to write later. The data must be read to its end.
   */
  keep(entry: ZipDirectoryEntry): Promise<{ data: EntryData; place: EntryPlace }>;
  /** What kept entries' places point into, once every kept entry has been read. */
  kept(): Blob;
  /**
   * For a source whose sizes are worked out rather than declared (a sealed entry's, from its
   * segments): reads the entry through, refusing it if damaged, before it is refused for a size
   * its manifest contradicts.
   */
  checkSize?(entry: ZipDirectoryEntry): Promise<void>;
};

/** Bytes of the archive read at once when visiting entries; smaller entries are served from it. */
export const WINDOW_BYTES = 4 * 1024 * 1024;

/**
 * Serves byte ranges of an archive from one window read ahead, so entries that lie one after the
 * other cost one Blob read per few megabytes instead of two per entry.
 */
export class WindowReader {
  private start = 0;
  private bytes = new Uint8Array(0);

  constructor(private readonly archive: Blob) {}

  async read(start: number, end: number): Promise<Uint8Array> {
    if (start >= this.start && end <= this.start + this.bytes.byteLength) {
      return this.bytes.subarray(start - this.start, end - this.start);
    }
    if (end - start > WINDOW_BYTES / 2) {
      return new Uint8Array(await this.archive.slice(start, end).arrayBuffer());
    }
    this.start = start;
    this.bytes = new Uint8Array(
      await this.archive
        .slice(start, Math.min(this.archive.size, start + WINDOW_BYTES))
        .arrayBuffer(),
    );
    return this.bytes.subarray(0, Math.min(end - start, this.bytes.byteLength));
  }

  /** A range: one piece from the window when small, else streamed in slices. */
  async range(start: number, end: number): Promise<EntryData> {
    if (end - start <= WINDOW_BYTES / 2) return this.read(start, end);
    return blobSlices(this.archive.slice(start, end));
  }
}

/** A plain zip's entries, read where they lie; a stored file is kept as its slice of the zip. */
export async function zipEntrySource(archive: Blob): Promise<ArchiveEntrySource> {
  const entries = await readZipDirectory(archive);
  const reader = new WindowReader(archive);
  const keep = async (entry: ZipDirectoryEntry) => {
    const header = await reader.read(
      entry.localHeaderOffset,
      entry.localHeaderOffset + LOCAL_HEADER_BYTES,
    );
    const place = localDataRange(header, entry, archive.size);
    return { data: await reader.range(place.start, place.end), place };
  };
  return {
    entries,
    inflated: false,
    data: async (entry) => (await keep(entry)).data,
    keep,
    kept: () => archive,
  };
}
