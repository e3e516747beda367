import { createHash } from 'node:crypto';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ENCRYPTION_HEADER_PATH,
  WRONG_PASSPHRASE_MESSAGE,
  decryptArchive,
  encryptArchive,
  createArchiveSealer,
  openSealedArchive,
  passphraseProblem,
  passphraseStrength,
  readEncryptionHeader,
  sealedTarget,
  type KdfParams,
} from './encryption';
import { readArchive } from './read-archive';
import { writeArchive, type ArchiveSource } from './write-archive';

// Small Argon2 parameters keep the tests quick; the product uses STRONG_KDF.
const kdf: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const passphrase = 'correct horse battery';
const title = 'Huawei v. Xiaomi';
const stamp = '2026-01-02T03:04:05.000Z';

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

// A file larger than one sealed segment, so entries of several segments are covered.
const pdf = new Uint8Array(1024 * 1024 + 4321).map((_, i) => (i * 31) % 251);

const source: ArchiveSource = {
  kind: 'bundle',
  schemaVersion: 2,
  appVersion: '0.1.0',
  createdAt: stamp,
  extra: { title },
  tables: [
    { name: 'settings', rows: () => once([{ key: 'probe', value: title }]) },
    {
      name: 'files',
      rows: () =>
        once([
          { sha256: sha(pdf), size: pdf.byteLength, mimeType: 'application/pdf', storedAt: stamp },
        ]),
    },
  ],
  files: async function* files() {
    yield { sha256: sha(pdf), size: pdf.byteLength, read: () => once(pdf) };
  },
};

async function plainArchive(): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await writeArchive(source, async (chunk) => {
    chunks.push(chunk);
  });
  return new Blob(chunks as BlobPart[]);
}

async function encrypted(): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await encryptArchive(
    await plainArchive(),
    passphrase,
    async (chunk) => {
      chunks.push(chunk);
    },
    { kdf },
  );
  return new Blob(chunks as BlobPart[]);
}

async function entriesOf(archive: Blob): Promise<[string, Uint8Array][]> {
  return Object.entries(unzipSync(new Uint8Array(await archive.arrayBuffer())));
}

function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

function rezip(entries: [string, Uint8Array][]): Blob {
  return new Blob([zipSync(Object.fromEntries(entries), { level: 0 }) as BlobPart]);
}

describe('archive encryption', () => {
  it('round-trips: the plain archive inside reads back whole and verified', async () => {
    const archive = await encrypted();
    expect(await readEncryptionHeader(archive)).toMatchObject({ formatVersion: 2 });
    expect(await readEncryptionHeader(await plainArchive())).toBeNull();
    const read = await readArchive(await decryptArchive(archive, passphrase));
    expect(read.manifest.title).toBe(title);
    expect(read.tables.settings).toEqual([{ key: 'probe', value: title }]);
    // Compared by digest: toEqual on a megabyte of bytes takes vitest seconds.
    const file = read.files.get(sha(pdf));
    expect(sha(new Uint8Array(await file!.arrayBuffer()))).toBe(sha(pdf));
  });

  it('shows nothing but sizes: no real names, titles or contents in the zip', async () => {
    const entries = await entriesOf(await encrypted());
    expect(entries.map(([name]) => name)).toEqual([
      ENCRYPTION_HEADER_PATH,
      'e/000001',
      'e/000002',
      'e/000003',
      'e/000004',
      'e/000005',
      'e/000006',
    ]);
    const header = strFromU8(at(entries, 0)[1]);
    expect(Object.keys(JSON.parse(header))).toEqual(['formatVersion', 'kdf', 'wrappedKey']);
    const everything = Buffer.concat(entries.map(([, bytes]) => bytes)).toString('latin1');
    for (const secret of [title, 'settings', 'records/', 'manifest', sha(pdf)]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('refuses a wrong passphrase with the one clear message', async () => {
    await expect(decryptArchive(await encrypted(), 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: WRONG_PASSPHRASE_MESSAGE,
    });
  });

  it('refuses entries swapped or reordered', async () => {
    const entries = await entriesOf(await encrypted());
    const swapped = entries.map(([name, bytes], i): [string, Uint8Array] => {
      if (i === 1) return [name, at(entries, 2)[1]];
      if (i === 2) return [name, at(entries, 1)[1]];
      return [name, bytes];
    });
    await expect(decryptArchive(rezip(swapped), passphrase)).rejects.toThrow(/not in its place/);
    const reordered = [at(entries, 0), at(entries, 2), at(entries, 1), ...entries.slice(3)];
    await expect(decryptArchive(rezip(reordered), passphrase)).rejects.toThrow(
      /not where it belongs/,
    );
  });

  it('refuses an archive with its last entries dropped or an entry cut short', async () => {
    const entries = await entriesOf(await encrypted());
    await expect(decryptArchive(rezip(entries.slice(0, -1)), passphrase)).rejects.toThrow(
      /entries are missing/,
    );
    await expect(decryptArchive(rezip(entries.slice(0, -2)), passphrase)).rejects.toThrow(
      /entries are missing/,
    );
    // The PDF's entry holds two data segments; keep only the first of them.
    const index = entries.findIndex(([, bytes]) => bytes.byteLength > 1024 * 1024);
    const big = at(entries, index)[1];
    const first = new DataView(big.buffer, big.byteOffset).getUint32(0, true);
    const second = new DataView(big.buffer, big.byteOffset + 4 + first).getUint32(0, true);
    const cut = [...entries];
    cut[index] = [at(entries, index)[0], big.slice(0, 8 + first + second)];
    await expect(decryptArchive(rezip(cut), passphrase)).rejects.toThrow(/not in its place/);
  });

  it('refuses a tampered header and a flipped byte', async () => {
    const entries = await entriesOf(await encrypted());
    const header = JSON.parse(strFromU8(at(entries, 0)[1]));
    header.kdf.iterations = 2;
    const weakened: [string, Uint8Array][] = [
      [ENCRYPTION_HEADER_PATH, strToU8(JSON.stringify(header))],
      ...entries.slice(1),
    ];
    await expect(decryptArchive(rezip(weakened), passphrase)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(
      decryptArchive(
        rezip([[ENCRYPTION_HEADER_PATH, strToU8('{}')], ...entries.slice(1)]),
        passphrase,
      ),
    ).rejects.toThrow(/header is not readable/);
    const flipped = entries.map(([name, bytes], i): [string, Uint8Array] => {
      if (i !== 1) return [name, bytes];
      const copy = bytes.slice();
      copy[copy.byteLength - 1] = at([...copy], copy.byteLength - 1) ^ 1;
      return [name, copy];
    });
    await expect(decryptArchive(rezip(flipped), passphrase)).rejects.toThrow(/altered/);
  });

  it('reads an encrypted archive straight from its sealed entries, as the plain one reads', async () => {
    const plain = await readArchive(await plainArchive());
    const read = await readArchive(await openSealedArchive(await encrypted(), passphrase));
    expect(read.manifest).toEqual(plain.manifest);
    expect(read.tables).toEqual(plain.tables);
    // The stored file's plain bytes were kept as they were checked, and `ranges` point into them.
    const range = read.ranges.get(sha(pdf))!;
    expect(range.end - range.start).toBe(pdf.byteLength);
    const kept = new Uint8Array(await read.source.slice(range.start, range.end).arrayBuffer());
    expect(sha(kept)).toBe(sha(pdf));
    expect(sha(new Uint8Array(await read.files.get(sha(pdf))!.arrayBuffer()))).toBe(sha(pdf));
    await expect(openSealedArchive(await encrypted(), 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: WRONG_PASSPHRASE_MESSAGE,
    });
  });

  it('refuses a data segment altered in the middle of an entry, as the reader reaches it', async () => {
    const entries = await entriesOf(await encrypted());
    // The PDF's entry: its head, a full data segment, then the rest; alter the full one, which
    // opening the archive does not read (only heads and last segments are checked up front).
    const index = entries.findIndex(([, bytes]) => bytes.byteLength > 1024 * 1024);
    const big = at(entries, index)[1].slice();
    const head = new DataView(big.buffer).getUint32(0, true);
    big[4 + head + 4 + 100]! ^= 1;
    const altered = rezip(entries.map((entry, i) => (i === index ? [entry[0], big] : entry)));
    const opened = await openSealedArchive(altered, passphrase);
    await expect(readArchive(opened)).rejects.toMatchObject({
      code: 'checksum',
      message: `This encrypted archive is damaged or was altered (entry ${index} is not in its place or was altered). Nothing was changed.`,
    });
  });

  it('refuses an entry cut at a segment’s end or lengthened before the reader sees its size', async () => {
    const entries = await entriesOf(await encrypted());
    const index = entries.findIndex(([, bytes]) => bytes.byteLength > 1024 * 1024);
    const big = at(entries, index)[1];
    const first = new DataView(big.buffer, big.byteOffset).getUint32(0, true);
    const second = new DataView(big.buffer, big.byteOffset + 4 + first).getUint32(0, true);
    const cut = [...entries];
    cut[index] = [at(entries, index)[0], big.slice(0, 8 + first + second)];
    await expect(readArchive(await openSealedArchive(rezip(cut), passphrase))).rejects.toThrow(
      `entry ${index} is not in its place or was altered`,
    );
    // Its first data segment dropped: the last then follows the head, out of its place.
    const dropped = [...entries];
    dropped[index] = [
      at(entries, index)[0],
      new Uint8Array([...big.slice(0, 4 + first), ...big.slice(8 + first + second)]),
    ];
    await expect(readArchive(await openSealedArchive(rezip(dropped), passphrase))).rejects.toThrow(
      `entry ${index} is not in its place or was altered`,
    );
    // The full data segment again after the last: each still opens in its own place, but the
    // last is no longer last.
    const longer = [...entries];
    const again = big.slice(4 + first, 8 + first + second);
    longer[index] = [at(entries, index)[0], new Uint8Array([...big, ...again])];
    await expect(openSealedArchive(rezip(longer), passphrase)).rejects.toThrow(
      `entry ${index} is not in its place or was altered`,
    );
    const short = [...entries];
    short[index] = [at(entries, index)[0], big.slice(0, big.byteLength - 10)];
    await expect(openSealedArchive(rezip(short), passphrase)).rejects.toThrow(
      `entry ${index} is cut short`,
    );
  });

  it('asks for a passphrase of at least ten characters, typed the same twice', () => {
    expect(passphraseProblem('short', 'short')).toMatch(/at least 10 characters/);
    expect(passphraseProblem('long enough words', 'long enough word')).toMatch(/not the same/);
    expect(passphraseProblem('long enough words', 'long enough words')).toBeNull();
  });

  it('seals an archive entry by entry as it is written, in the same format', async () => {
    const chunks: Uint8Array[] = [];
    const sealer = await createArchiveSealer(
      passphrase,
      async (chunk) => {
        chunks.push(chunk);
      },
      { kdf },
    );
    await writeArchive(source, sealedTarget(sealer));
    const archive = new Blob(chunks as BlobPart[]);
    const names = (await entriesOf(archive)).map(([name]) => name);
    expect(names).toEqual([
      ENCRYPTION_HEADER_PATH,
      ...[1, 2, 3, 4, 5, 6].map((i) => `e/00000${i}`),
    ]);
    await expect(decryptArchive(archive, 'not the passphrase')).rejects.toMatchObject({
      message: WRONG_PASSPHRASE_MESSAGE,
    });
    const read = await readArchive(await decryptArchive(archive, passphrase));
    expect(read.manifest.title).toBe(title);
    expect(read.tables.settings).toEqual([{ key: 'probe', value: title }]);
    const file = read.files.get(sha(pdf));
    expect(sha(new Uint8Array(await file!.arrayBuffer()))).toBe(sha(pdf));
  });

  it('seals an entry of exactly one segment and an empty one', async () => {
    const chunks: Uint8Array[] = [];
    const sealer = await createArchiveSealer(
      passphrase,
      async (chunk) => {
        chunks.push(chunk);
      },
      { kdf },
    );
    const exact = new Uint8Array(1024 * 1024).fill(7);
    await sealer.beginEntry('exact.bin', false);
    await sealer.push(exact.subarray(0, 1000));
    await sealer.push(exact.subarray(1000));
    await sealer.endEntry();
    await sealer.beginEntry('empty.txt', true);
    await sealer.endEntry();
    await sealer.finish();
    const plain = unzipSync(
      new Uint8Array(
        await (await decryptArchive(new Blob(chunks as BlobPart[]), passphrase)).arrayBuffer(),
      ),
    );
    expect(Object.keys(plain)).toEqual(['exact.bin', 'empty.txt']);
    expect(plain['exact.bin']?.byteLength).toBe(exact.byteLength);
    expect(plain['exact.bin']?.every((byte) => byte === 7)).toBe(true);
    expect(plain['empty.txt']?.byteLength).toBe(0);
  });

  it('hints at a passphrase’s strength', () => {
    expect(passphraseStrength('aaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('short').level).toBe('weak');
    expect(passphraseStrength('kettle1234').level).toBe('fair');
    expect(passphraseStrength('orange kettle under moonlight').level).toBe('strong');
  });
});
