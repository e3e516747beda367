/**
 * Writes zips byte by byte for tests, including what no zip library will write: the same name
 * twice, sizes that lie, symbolic links, names with NUL or backslashes. CRCs are left at zero:
 * Casefile checks SHA-256 from the manifest instead.
 */
import { deflateSync } from 'fflate';

export type RawEntry = {
  name: string;
  /** The bytes as stored in the zip (already deflated when `method` is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  size: number;
  symlink?: boolean;
};

const encoder = new TextEncoder();

export function rawEntry(
  name: string,
  bytes: Uint8Array,
  method: 0 | 8 = name.startsWith('files/') ? 0 : 8,
): RawEntry {
  return {
    name,
    stored: method === 8 ? deflateSync(bytes, { level: 6 }) : bytes,
    method,
    size: bytes.byteLength,
  };
}

export function rawZip(entries: RawEntry[]): Blob {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.stored.byteLength, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.byteLength, true);
    parts.push(new Uint8Array(local.buffer), name, entry.stored);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, entry.symlink ? 0x031e : 0x0014, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, 0x0800, true);
    header.setUint16(10, entry.method, true);
    header.setUint32(20, entry.stored.byteLength, true);
    header.setUint32(24, entry.size, true);
    header.setUint16(28, name.byteLength, true);
    header.setUint32(38, entry.symlink ? (0o120777 << 16) >>> 0 : 0, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.byteLength + entry.stored.byteLength;
  }
  const centralSize = central.reduce((sum, part) => sum + part.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, new Uint8Array(end.buffer)] as BlobPart[]);
}
