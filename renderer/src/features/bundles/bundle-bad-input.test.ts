import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../shared/archive/archive-error';
import type { CasefileDb } from '../../db/casefile-db';
import { openTestDb } from '../../db/testing/test-db';
import { BundleError } from './check-bundle';
import { exportBundle } from './export-bundle';
import { importBundle } from './import-bundle';
import { readBundle } from './read-bundle';
import { fillDispute } from './testing/bundle-fixture';
import {
  contents,
  declareSize,
  ndjson,
  pack,
  readJson,
  resign,
  setNdjson,
  unpack,
  writeJson,
  type Entries,
} from './testing/tamper';

/** What the import dialog does with a chosen file: read and check it whole, then write. */
async function importFile(db: CasefileDb, file: Blob) {
  return importBundle(db, await readBundle(file), 'copy');
}

describe('importing a bad case bundle', () => {
  let valid: Blob;
  let target: CasefileDb;

  beforeAll(async () => {
    const source = openTestDb();
    const { dispute } = await fillDispute(source);
    valid = (await exportBundle(source, dispute.id, { includePrivileged: true, appVersion: 't' }))
      .blob;
    await source.delete();
  });
  beforeEach(async () => {
    // The receiving database already holds case files, so "unchanged" means something.
    target = openTestDb();
    await fillDispute(target, 'Already here');
  });
  afterEach(async () => {
    await target.delete();
  });

  async function spoiled(change: (entries: Entries) => void): Promise<Blob> {
    const entries = await unpack(valid);
    change(entries);
    return pack(entries);
  }

  /** Imports `file` and says how it was refused and whether the database stayed as it was. */
  async function refusal(file: Blob) {
    const before = await contents(target);
    const error = await importFile(target, file).then(
      () => null,
      (e: unknown) => e,
    );
    return {
      kind: error instanceof ArchiveError || error instanceof BundleError ? error.name : error,
      code: (error as ArchiveError | BundleError | null)?.code,
      message: (error as Error | null)?.message,
      unchanged: JSON.stringify(await contents(target)) === JSON.stringify(before),
    };
  }

  function refused(kind: string, code: string, message: RegExp) {
    return {
      kind,
      code,
      message: expect.stringMatching(
        new RegExp(`${message.source}.*Nothing was (changed|imported)\\.`, message.flags),
      ),
      unchanged: true,
    };
  }

  it('imports the untouched bundle (the spoiled ones below differ only where stated)', async () => {
    const repacked = await spoiled(() => {});
    const result = await importFile(target, repacked);
    expect(result.title).toBe('Orion v. Nimbus');
  });

  it('refuses a file that is not a zip', async () => {
    const file = new Blob(['%PDF-1.7 this is a PDF, not a bundle'.repeat(4)]);
    expect(await refusal(file)).toEqual(refused('ArchiveError', 'not-a-zip', /not a zip file/));
  });

  it('refuses a truncated bundle', async () => {
    const file = valid.slice(0, Math.floor(valid.size * 0.6));
    expect(await refusal(file)).toEqual(
      refused('ArchiveError', 'truncated', /incomplete|truncated|cut off/i),
    );
  });

  it('refuses a manifest of an unknown format version', async () => {
    const file = await spoiled((entries) => {
      writeJson(entries, 'manifest.json', {
        ...readJson(entries, 'manifest.json'),
        formatVersion: 7,
      });
    });
    expect(await refusal(file)).toEqual(
      refused('ArchiveError', 'unknown-version', /newer version of Casefile/),
    );
  });

  it('refuses a bundle whose manifest is missing', async () => {
    const file = await spoiled((entries) => {
      delete entries['manifest.json'];
    });
    expect(await refusal(file)).toEqual(
      refused('ArchiveError', 'missing-entry', /no manifest\.json/),
    );
  });

  it('refuses a file whose bytes do not match their checksum', async () => {
    const file = await spoiled((entries) => {
      const name = Object.keys(entries).find((n) => n.startsWith('files/'))!;
      const bytes = entries[name]!.slice();
      bytes[bytes.length - 1]! ^= 0xff;
      entries[name] = bytes;
    });
    expect(await refusal(file)).toEqual(
      refused('ArchiveError', 'checksum', /checksum of “files\/[0-9a-f]{64}” does not match/),
    );
  });

  it('refuses records whose checksum does not match the manifest', async () => {
    const file = await spoiled((entries) => {
      const notes = ndjson(entries, 'records/notes.ndjson');
      setNdjson(entries, 'records/notes.ndjson', [
        { ...notes[0], body: 'Forged, same length?' },
        ...notes.slice(1),
      ]);
    });
    expect(await refusal(file)).toEqual(refused('ArchiveError', 'checksum', /notes/));
  });

  it('refuses an entry whose path escapes the archive (../)', async () => {
    const file = await spoiled((entries) => {
      entries['../../evil.sh'] = new TextEncoder().encode('rm -rf ~');
    });
    expect(await refusal(file)).toEqual(
      refused('ArchiveError', 'unsafe-path', /unsafe path \(“\.\.\/\.\.\/evil\.sh”\)/),
    );
  });

  it('refuses an entry that declares far more bytes than it holds (a zip bomb), before inflating', async () => {
    const file = await declareSize(valid, 'records/notes.ndjson', 0xfffffff0);
    expect(await refusal(file)).toEqual(refused('ArchiveError', 'too-large', /zip bomb/));
  });

  it('refuses a record that fails the schema, naming the table, record and field', async () => {
    const file = await spoiled((entries) => {
      const notes = ndjson(entries, 'records/notes.ndjson');
      setNdjson(entries, 'records/notes.ndjson', [notes[0], { ...notes[1], currency: 'EURO' }]);
      resign(entries);
    });
    expect(await refusal(file)).toEqual(
      refused('ArchiveError', 'invalid-record', /Record 2 of “notes” is not valid \(currency: /),
    );
  });

  it('refuses a bundle whose records point at something it does not hold', async () => {
    const file = await spoiled((entries) => {
      const documents = ndjson(entries, 'records/documents.ndjson');
      // Ids are random, so the file's order is too: drop one that a note is known to link to.
      const linked = new Set(
        ndjson(entries, 'records/notes.ndjson').flatMap((note) => note['documentIds'] as string[]),
      );
      const dropped = documents.find((document) => linked.has(document['id'] as string));
      expect(dropped).toBeDefined();
      setNdjson(
        entries,
        'records/documents.ndjson',
        documents.filter((document) => document !== dropped),
      );
      const manifest = readJson(entries, 'manifest.json');
      writeJson(entries, 'manifest.json', {
        ...manifest,
        counts: { ...(manifest.counts as object), documents: documents.length - 1 },
      });
      resign(entries);
    });
    expect(await refusal(file)).toEqual(
      refused('BundleError', 'broken-reference', /note in the bundle links to a document/),
    );
  });

  it('refuses a whole-database backup offered as a bundle', async () => {
    const file = await spoiled((entries) => {
      writeJson(entries, 'manifest.json', {
        ...readJson(entries, 'manifest.json'),
        kind: 'backup',
      });
    });
    expect(await refusal(file)).toEqual(
      refused('BundleError', 'not-a-bundle', /backup of a whole database/),
    );
  });
});
