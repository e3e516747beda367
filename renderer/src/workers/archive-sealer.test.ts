import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ENCRYPTION_HEADER_PATH,
  WRONG_PASSPHRASE_MESSAGE,
  decryptArchive,
  sealedTarget,
  type KdfParams,
} from '../../../shared/archive/encryption';
import { readArchive } from '../../../shared/archive/read-archive';
import { writeArchive } from '../../../shared/archive/write-archive';
import { createWorkerSealer } from './archive-sealer';
import { createSealService } from './seal-service';
import { inProcessWorker, type InProcessWorker } from './testing/in-process-worker';

// Small Argon2 parameters keep the test quick; the product uses STRONG_KDF.
const kdf: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const passphrase = 'orange kettle under moonlight';
const started: InProcessWorker[] = [];

function sealer() {
  return createWorkerSealer(() => {
    const worker = inProcessWorker(createSealService());
    started.push(worker);
    return worker;
  });
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/** Settings rows and two files, one of them larger than a batch (4 MiB) sent to the worker. */
async function sealedBackup(seal = sealer()) {
  const chunks: Uint8Array[] = [];
  const big = new Uint8Array(5 * 1024 * 1024 + 17).map((_, i) => (i * 7) % 253);
  const small = new TextEncoder().encode('Huawei v. Xiaomi statement of claim');
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const files = [
    { sha256: sha(small), bytes: small },
    { sha256: sha(big), bytes: big },
  ];
  const fileRows = files.map((file) => ({
    sha256: file.sha256,
    size: file.bytes.byteLength,
    mimeType: 'application/pdf',
    storedAt: '2026-01-02T03:04:05.000Z',
  }));
  const rows = Array.from({ length: 3000 }, (_, i) => ({ key: `k${i}`, value: 'Huawei' }));
  const target = sealedTarget(
    await seal(
      passphrase,
      async (chunk) => {
        chunks.push(chunk);
      },
      { kdf },
    ),
  );
  await writeArchive(
    {
      kind: 'backup',
      schemaVersion: 2,
      appVersion: 't',
      tables: [
        { name: 'settings', rows: () => once(rows) },
        { name: 'files', rows: () => once(fileRows) },
      ],
      files: async function* list() {
        for (const file of files) {
          // A copy each time: the sealer takes the bytes it is given.
          yield {
            sha256: file.sha256,
            size: file.bytes.byteLength,
            read: () => once(file.bytes.slice()),
          };
        }
      },
    },
    target,
  );
  return { archive: new Blob(chunks as BlobPart[]), rows, files };
}

describe('sealing in the worker', () => {
  afterAll(() => {
    for (const worker of started.splice(0)) worker.terminate();
  });

  it('writes the encrypted format, which opens with the passphrase and only with it', async () => {
    const { archive, rows, files } = await sealedBackup();
    const [small, big] = files.map((file) => file.bytes) as [Uint8Array, Uint8Array];
    const names = Object.keys(unzipSync(new Uint8Array(await archive.arrayBuffer())));
    expect(names[0]).toBe(ENCRYPTION_HEADER_PATH);
    expect(names.slice(1).every((name) => /^e\/\d{6}$/.test(name))).toBe(true);
    await expect(decryptArchive(archive, 'not the passphrase')).rejects.toMatchObject({
      message: WRONG_PASSPHRASE_MESSAGE,
    });
    const read = await readArchive(await decryptArchive(archive, passphrase));
    expect(read.tables.settings).toEqual(rows);
    expect(await read.files.get(files[0]!.sha256)?.text()).toBe(new TextDecoder().decode(small));
    const back = new Uint8Array(await read.files.get(files[1]!.sha256)!.arrayBuffer());
    expect(back.byteLength).toBe(big.byteLength);
    expect(back.every((byte, i) => byte === big[i])).toBe(true);
  });

  it('rejects the writer when the worker dies, and the next archive starts a fresh one', async () => {
    const seal = sealer();
    const opened = await seal(passphrase, async () => undefined, { kdf });
    await opened.beginEntry('records/settings.ndjson', true);
    const dying = started.at(-1)!;
    const pushing = opened.push(new Uint8Array(5 * 1024 * 1024));
    dying.crash();
    await expect(pushing).rejects.toThrow(/encryptor stopped unexpectedly/);
    const { archive } = await sealedBackup(seal);
    expect(await readArchive(await decryptArchive(archive, passphrase))).toBeTruthy();
  });
});
