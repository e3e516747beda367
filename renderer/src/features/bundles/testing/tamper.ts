/**
 * Test helpers that take a valid bundle apart and put it back together spoiled in one precise way,
 * with fflate (the same library the app writes with), so each bad-input test reaches the check it
 * means to reach rather than failing earlier for an unrelated reason.
 */
import { createHash } from 'node:crypto';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { CasefileDb } from '../../../db/casefile-db';

export type Entries = Record<string, Uint8Array>;

export async function unpack(blob: Blob): Promise<Entries> {
  return unzipSync(new Uint8Array(await blob.arrayBuffer()));
}

export function pack(entries: Entries): Blob {
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(entries)) {
    zippable[name] = [bytes, { level: name.startsWith('files/') ? 0 : 6 }];
  }
  return new Blob([zipSync(zippable)]);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type ManifestJson = { entries: { path: string; size: number; sha256: string }[] } & Record<
  string,
  unknown
>;

export function readJson(entries: Entries, name: string): ManifestJson {
  return JSON.parse(new TextDecoder().decode(entries[name])) as ManifestJson;
}

export function writeJson(entries: Entries, name: string, value: unknown): void {
  entries[name] = new TextEncoder().encode(JSON.stringify(value));
}

/** Rewrites the manifest's size and checksum of every entry it lists, as a forger would. */
export function resign(entries: Entries): void {
  const manifest = readJson(entries, 'manifest.json');
  manifest.entries = manifest.entries
    .filter((entry) => entries[entry.path] !== undefined)
    .map((entry) => ({
      path: entry.path,
      size: entries[entry.path]!.byteLength,
      sha256: sha256(entries[entry.path]!),
    }));
  writeJson(entries, 'manifest.json', manifest);
}

export function ndjson(entries: Entries, name: string): Record<string, unknown>[] {
  return new TextDecoder()
    .decode(entries[name])
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function setNdjson(entries: Entries, name: string, rows: unknown[]): void {
  entries[name] = new TextEncoder().encode(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
}

/** Sets the uncompressed size the central directory declares for `name` (a zip bomb's lie). */
export async function declareSize(blob: Blob, name: string, size: number): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(bytes.buffer);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let index = 0; index < count; index += 1) {
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const entryName = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      view.setUint32(at + 24, size, true);
      return new Blob([bytes]);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`No entry ${name} in the zip.`);
}

async function sha256OfBlob(blob: Blob): Promise<string> {
  return sha256(new Uint8Array(await blob.arrayBuffer()));
}

/** Every row of every table, each stored file's bytes as their SHA-256 (Blobs compare as equal). */
export async function contents(db: CasefileDb, tables?: readonly string[]) {
  const result: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (tables && !tables.includes(table.name)) continue;
    const rows = (await table.toArray()) as Record<string, unknown>[];
    result[table.name] = await Promise.all(
      rows.map(async (row) =>
        row.blob instanceof Blob ? { ...row, blob: await sha256OfBlob(row.blob) } : row,
      ),
    );
  }
  return result;
}
