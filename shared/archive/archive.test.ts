import { createHash } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { ArchiveError } from './archive-error';
import { readArchive } from './read-archive';
import { rawEntry, rawZip } from './testing/raw-zip';
import { ARCHIVE_FORMAT_VERSION, type ArchiveManifest } from './manifest';
import { manifestText, writeArchive, zipTarget, type ArchiveSource } from './write-archive';

const stamp = '2026-01-02T03:04:05.000Z';
const dispute = {
  id: 'd1',
  title: 'Huawei v. Xiaomi',
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

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

function sourceWith(fileBytes: Uint8Array[], settings: unknown[] = []): ArchiveSource {
  return {
    kind: 'backup',
    schemaVersion: 2,
    appVersion: '0.1.0',
    createdAt: stamp,
    tables: [
      { name: 'settings', rows: () => once(settings) },
      {
        name: 'files',
        rows: () =>
          once(
            fileBytes.map((bytes) => ({
              sha256: sha(bytes),
              size: bytes.byteLength,
              mimeType: 'application/pdf',
              storedAt: stamp,
            })),
          ),
      },
    ],
    files: async function* files() {
      for (const bytes of fileBytes) {
        yield {
          sha256: sha(bytes),
          size: bytes.byteLength,
          read: async function* read() {
            // Two slices, as the renderer reads large Blobs.
            yield bytes.slice(0, 3);
            yield bytes.slice(3);
          },
        };
      }
    },
  };
}

async function archiveOf(source: ArchiveSource): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(source, async (chunk) => {
    chunks.push(chunk);
  });
  return new Blob(chunks as BlobPart[]);
}

describe('the archive core', () => {
  it('reads back what it wrote, with every checksum verified', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 a filing');
    const settings = [{ key: 'probe', value: { nested: [1, 2] } }];
    const archive = await archiveOf(sourceWith([bytes], settings));
    const read = await readArchive(archive);
    expect(read.manifest.counts).toEqual({ settings: 1, files: 1 });
    expect(read.manifest.entries.map((entry) => entry.path)).toEqual([
      'records/settings.ndjson',
      'records/files.ndjson',
      `files/${sha(bytes)}`,
    ]);
    expect(read.tables.settings).toEqual(settings);
    const file = read.files.get(sha(bytes));
    expect(new Uint8Array(await file!.arrayBuffer())).toEqual(bytes);
  });

  it('validates records against their schema and names the faulty one', async () => {
    const source = sourceWith([]);
    source.tables.push({ name: 'disputes', rows: () => once([dispute, { ...dispute, id: '' }]) });
    const error = await readArchive(await archiveOf(source)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('invalid-record');
    expect((error as ArchiveError).message).toMatch(/Record 2 of “disputes”/);
  });

  it('reads an archive written under schema version 1, migrating its records', async () => {
    const source = { ...sourceWith([]), schemaVersion: 1 };
    source.tables.push({ name: 'disputes', rows: () => once([dispute]) });
    const read = await readArchive(await archiveOf(source));
    expect(read.manifest.schemaVersion).toBe(1);
    // A field added since (what a dispute was before its outcome) comes in at its default.
    expect(read.tables.disputes).toEqual([{ ...dispute, beforeOutcome: null }]);
  });

  it('refuses an archive from a newer database schema', async () => {
    const archive = await archiveOf({ ...sourceWith([]), schemaVersion: 99 });
    await expect(readArchive(archive)).rejects.toMatchObject({ code: 'unknown-version' });
  });

  it('refuses a file that is not a zip, and one that is cut short', async () => {
    await expect(readArchive(new Blob(['just some text, not an archive']))).rejects.toMatchObject({
      code: 'not-a-zip',
    });
    const archive = await archiveOf(sourceWith([new Uint8Array(5000).fill(7)]));
    await expect(readArchive(archive.slice(0, archive.size - 100))).rejects.toMatchObject({
      code: 'truncated',
    });
  });

  it('refuses every path that could leave its folder, and reads ordinary ones on', async () => {
    const refusal = (name: string) =>
      readArchive(rawZip([rawEntry(name, new Uint8Array([1]))])).then(
        () => 'read',
        (error: ArchiveError) => error.code,
      );
    for (const name of ['/etc/x', 'a//b', 'a/./b', 'a/../b', '..', 'a/', '', 'c:x', 'a\\b']) {
      expect([name, await refusal(name)]).toEqual([name, 'unsafe-path']);
    }
    // Past the path check, these fail only for want of a manifest.
    for (const name of ['records/notes.ndjson', '.hidden/x', 'a/..b', 'files/abc']) {
      expect([name, await refusal(name)]).toEqual([name, 'missing-entry']);
    }
  });

  it('writes a large manifest in slices whose text is JSON.stringify(manifest, null, 2)', () => {
    const manifest: ArchiveManifest = {
      formatVersion: ARCHIVE_FORMAT_VERSION,
      kind: 'bundle',
      schemaVersion: 3,
      appVersion: '0.1.0',
      createdAt: stamp,
      counts: { files: 4_001 },
      entries: Array.from({ length: 4_001 }, (_, i) => ({
        path: `files/${sha(new Uint8Array([i % 256, i >> 8]))}`,
        size: i,
        sha256: sha(new Uint8Array([i % 256, i >> 8])),
      })),
      disputeId: 'd1',
      // A title that reads like the place the entries go is still only a string.
      title: 'Huawei\n  "entries": [] v. Xiaomi',
      includesPrivileged: false,
    };
    const slices = [...manifestText(manifest)];
    expect(slices.length).toBeGreaterThan(2);
    expect(slices.join('')).toBe(JSON.stringify(manifest, null, 2));
    const empty = { ...manifest, entries: [] };
    expect([...manifestText(empty)].join('')).toBe(JSON.stringify(empty, null, 2));
  });

  it('lets the event loop run while it writes the manifest of many files', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => new TextEncoder().encode(`file ${i}`));
    // A sink that answers at once, as a plain browser's download does: only the writer's own
    // turns let a timer run meanwhile.
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns += 1;
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    let afterFiles = 0;
    let atEnd = 0;
    const chunks: Uint8Array[] = [];
    await writeArchive(
      sourceWith(many),
      async (chunk) => {
        chunks.push(chunk);
      },
      ({ phase }) => {
        if (phase.startsWith('Writing files')) afterFiles = turns;
        if (phase === 'Done') atEnd = turns;
      },
    );
    ticking = false;
    // The manifest (5,002 entries) and the checksums: each validated, written and deflated in
    // slices of 1,000, with a turn after each.
    expect(atEnd - afterFiles).toBeGreaterThanOrEqual(6);
    const read = await readArchive(new Blob(chunks as BlobPart[]));
    expect(read.manifest.entries).toHaveLength(5_002);
    expect(read.files.size).toBe(5_000);
  }, 60_000);

  it('ends a zip of thousands of entries with the central directory fflate writes', async () => {
    // Both zips are dated by the clock: the same instant for both.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-06T07:08:09'));
    try {
      const names = Array.from({ length: 2_500 }, (_, i) => (i === 7 ? 'files/é' : `files/${i}`));
      const bytesOf = (i: number) => new TextEncoder().encode(`entry ${i} `.repeat(i % 5));
      const ours: Uint8Array[] = [];
      const target = zipTarget(async (chunk) => {
        ours.push(chunk);
      });
      const theirs: Uint8Array[] = [];
      const zip = new Zip((error, chunk) => {
        if (error) throw error;
        theirs.push(chunk);
      });
      for (const [i, name] of names.entries()) {
        const deflate = i % 3 === 0;
        const entry = await target.entry(name, deflate ? 'fast' : 'stored');
        await entry.push(bytesOf(i));
        await entry.end();
        const same = deflate ? new ZipDeflate(name, { level: 1 }) : new ZipPassThrough(name);
        zip.add(same);
        same.push(bytesOf(i), true);
      }
      await target.end();
      zip.end();
      // Written a slice at a time: the end record comes on its own, after the directory.
      expect(ours.at(-1)?.byteLength).toBe(22);
      const whole = async (chunks: Uint8Array[]) =>
        new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
      const [a, b] = [await whole(ours), await whole(theirs)];
      const differ = a.findIndex((byte, i) => byte !== b[i]);
      expect({ length: a.length, differ }).toEqual({ length: b.length, differ: -1 });
    } finally {
      vi.useRealTimers();
    }
  }, 60_000);
});
