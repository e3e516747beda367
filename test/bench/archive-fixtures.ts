/**
 * Archives for the `archives` bench, written to disk as a person would receive them: a valid
 * backup of many small stored files, a bundle whose notes inflate to hundreds of millions of
 * newlines (sizes and checksums correct), and a zip bomb that lies about its size. Bundled for
 * Node by the suite with rolldown; streams throughout, so 500 MB of newlines never sit in memory.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Zip, ZipDeflate, ZipPassThrough, deflateSync } from 'fflate';
import { writeArchive } from '../../shared/archive/write-archive';
import { CURRENT_SCHEMA_VERSION } from '../../shared/archive/tables';
import { rawZip } from '../../shared/archive/testing/raw-zip';

const stamp = '2026-01-02T03:04:05.000Z';
const encoder = new TextEncoder();

async function toFile(
  path: string,
  write: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<unknown>,
) {
  const out = createWriteStream(path);
  await write(
    (chunk) =>
      new Promise<void>((resolve, reject) =>
        out.write(chunk, (error) => (error ? reject(error) : resolve())),
      ),
  );
  await new Promise<void>((resolve) => out.end(resolve));
}

/** `count` small stored files ("<label> <i>"): their bytes, their hashes and an archive's files. */
function smallFiles(count: number, label: string) {
  const bytesOf = (i: number) => encoder.encode(`${label} ${i}`);
  const hashes = Array.from({ length: count }, (_, i) =>
    createHash('sha256').update(bytesOf(i)).digest('hex'),
  );
  async function* files() {
    for (let i = 0; i < count; i += 1) {
      const bytes = bytesOf(i);
      yield {
        sha256: hashes[i]!,
        size: bytes.byteLength,
        read: async function* read() {
          yield bytes;
        },
      };
    }
  }
  return { bytesOf, hashes, files };
}

/** A valid backup holding `count` small stored files (and their `files` records). */
export async function manySmallFiles(path: string, count: number): Promise<void> {
  const { bytesOf, hashes, files } = smallFiles(count, 'small stored file');
  await toFile(path, (sink) =>
    writeArchive(
      {
        kind: 'backup',
        schemaVersion: CURRENT_SCHEMA_VERSION,
        appVersion: 'bench',
        createdAt: stamp,
        tables: [
          {
            name: 'files',
            rows: async function* rows() {
              for (let from = 0; from < count; from += 1000) {
                yield hashes.slice(from, from + 1000).map((sha256, i) => ({
                  sha256,
                  size: bytesOf(from + i).byteLength,
                  mimeType: 'application/pdf',
                  storedAt: stamp,
                }));
              }
            },
          },
        ],
        files,
      },
      sink,
    ),
  );
}

/**
 * A valid case bundle of one dispute holding `count` documents, each with its own small file: the
 * bundle a person imports with "Import case bundle…" (or updates from, when it is on file).
 */
export async function manyFilesBundle(path: string, count: number): Promise<void> {
  const { bytesOf, hashes, files } = smallFiles(count, 'small filing');
  const pages = <T>(make: (i: number) => T) =>
    async function* rows() {
      for (let from = 0; from < count; from += 1000) {
        yield Array.from({ length: Math.min(1000, count - from) }, (_, i) => make(from + i));
      }
    };
  await toFile(path, (sink) =>
    writeArchive(
      {
        kind: 'bundle',
        schemaVersion: CURRENT_SCHEMA_VERSION,
        appVersion: 'bench',
        createdAt: stamp,
        extra: { disputeId: dispute.id, title: dispute.title, includesPrivileged: true },
        tables: [
          {
            name: 'disputes',
            rows: async function* rows() {
              yield [dispute];
            },
          },
          {
            name: 'documents',
            rows: pages((i) => ({
              id: `bench-document-${i}`,
              disputeId: dispute.id,
              proceedingId: null,
              title: `Filing ${i}`,
              kind: 'other',
              filedOn: '2024-01',
              docketEntry: '',
              filedBy: '',
              language: '',
              privilege: 'none',
              notes: '',
              fileName: `filing-${i}.pdf`,
              mimeType: 'application/pdf',
              size: bytesOf(i).byteLength,
              sha256: hashes[i]!,
              pageCount: null,
              textStatus: 'not-applicable',
              createdAt: stamp,
              updatedAt: stamp,
            })),
          },
          {
            name: 'files',
            rows: pages((i) => ({
              sha256: hashes[i]!,
              size: bytesOf(i).byteLength,
              mimeType: 'application/pdf',
              storedAt: stamp,
            })),
          },
        ],
        files,
      },
      sink,
    ),
  );
}

const dispute = {
  id: 'bench-dispute',
  title: 'Bench v. Bomb',
  matterNumber: '',
  ourRole: 'plaintiff',
  status: 'active',
  summary: '',
  tags: [],
  privilege: 'none',
  openedOn: '2023-03',
  closedOn: '',
  resolution: null,
  createdAt: stamp,
  updatedAt: stamp,
};

/**
 * A bundle whose `records/notes.ndjson` is `newlines` blank lines and then nothing else: every
 * size and checksum in it is true, and it stays under the 512 MiB records limit.
 */
export async function newlineBomb(path: string, newlines: number): Promise<void> {
  await toFile(path, async (sink) => {
    const pending: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      pending.push(chunk);
    });
    const drain = async () => {
      for (const chunk of pending.splice(0)) await sink(chunk);
    };
    const entries: { path: string; size: number; sha256: string }[] = [];
    const add = async (name: string, parts: Iterable<Uint8Array>) => {
      const entry = new ZipDeflate(name, { level: 9 });
      zip.add(entry);
      const hash = createHash('sha256');
      let size = 0;
      for (const part of parts) {
        hash.update(part);
        size += part.byteLength;
        entry.push(part);
        await drain();
      }
      entry.push(new Uint8Array(0), true);
      await drain();
      entries.push({ path: name, size, sha256: hash.digest('hex') });
    };
    await add('records/disputes.ndjson', [encoder.encode(`${JSON.stringify(dispute)}\n`)]);
    const block = new Uint8Array(1024 * 1024).fill(10);
    await add(
      'records/notes.ndjson',
      (function* blocks() {
        for (let left = newlines; left > 0; left -= block.byteLength) {
          yield left >= block.byteLength ? block : block.subarray(0, left);
        }
      })(),
    );
    const manifest = {
      formatVersion: 1,
      kind: 'bundle',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      appVersion: 'bench',
      createdAt: stamp,
      counts: { disputes: 1, notes: 0 },
      entries,
      disputeId: dispute.id,
      title: dispute.title,
      includesPrivileged: false,
    };
    const manifestEntry = new ZipPassThrough('manifest.json');
    zip.add(manifestEntry);
    manifestEntry.push(encoder.encode(JSON.stringify(manifest)), true);
    zip.end();
    await drain();
  });
}

/** A bundle whose notes declare 2 KB (in the zip and the manifest) but inflate to 256 MB. */
export async function lyingZipBomb(path: string): Promise<void> {
  const disputes = encoder.encode(`${JSON.stringify(dispute)}\n`);
  const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const bomb = deflateSync(new Uint8Array(256 * 1024 * 1024).fill(10), { level: 9 });
  const manifest = {
    formatVersion: 1,
    kind: 'bundle',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'bench',
    createdAt: stamp,
    counts: { disputes: 1, notes: 0 },
    entries: [
      { path: 'records/disputes.ndjson', size: disputes.byteLength, sha256: hash(disputes) },
      { path: 'records/notes.ndjson', size: 2048, sha256: '0'.repeat(64) },
    ],
    disputeId: dispute.id,
    title: dispute.title,
  };
  const manifestBytes = encoder.encode(JSON.stringify(manifest));
  const blob = rawZip([
    { name: 'records/disputes.ndjson', stored: disputes, method: 0, size: disputes.byteLength },
    { name: 'records/notes.ndjson', stored: bomb, method: 8, size: 2048 },
    { name: 'manifest.json', stored: manifestBytes, method: 0, size: manifestBytes.byteLength },
  ]);
  await toFile(path, (sink) => blob.arrayBuffer().then((buffer) => sink(new Uint8Array(buffer))));
}
