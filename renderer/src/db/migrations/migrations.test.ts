import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasefileDb } from '../casefile-db';
import {
  PREVIOUS_VERSION as PATENT_KEY_PREVIOUS_VERSION,
  UPGRADE_REPORT_KEY,
  type UpgradeReport,
} from './0005-patent-number-key';
import { PREVIOUS_VERSION as TRASH_PREVIOUS_VERSION } from './0004-trash';
import { OCR_JOBS_PREVIOUS_VERSION, OCR_JOBS_VERSION } from './0006-ocr-jobs';
import {
  PREVIOUS_VERSION as NOTE_DATE_PREVIOUS_VERSION,
  VERSION as NOTE_DATE_VERSION,
} from './0008-note-date-index';
import { OCR_LAYOUTS_PREVIOUS_VERSION, OCR_LAYOUTS_VERSION } from './0009-ocr-layouts';
import { DISPUTE_FACTS_PREVIOUS_VERSION, DISPUTE_FACTS_VERSION } from './0010-dispute-facts';
import {
  DOCUMENT_PAGES_PREVIOUS_VERSION,
  DOCUMENT_PAGES_VERSION,
} from './0011-document-pages-index';
import { readDisputeFacts, refreshDisputeFacts } from '../dispute-facts';
import { declaredVersion, migrations, SCHEMA_VERSION } from './index';

/** A database as the app at schema version `version` (a declared Dexie version) wrote it. */
function openAtVersion(name: string, version: number): Dexie {
  const upTo = migrations.findIndex(
    (_, i) => declaredVersion(migrations.slice(0, i + 1)) === version,
  );
  if (upTo < 0) throw new Error(`No schema version ${version} is declared`);
  const db = new Dexie(name);
  for (const migrate of migrations.slice(0, upTo + 1)) migrate(db);
  return db;
}

describe('schema migrations', () => {
  it('declares every version once, in order', () => {
    const db = new CasefileDb('casefile-migrations-order');
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  // Each step of the chain, by position: versions may skip numbers, so each is named as declared.
  const steps = migrations.map((_, index) => ({
    previous: index === 0 ? 0 : declaredVersion(migrations.slice(0, index)),
    version: declaredVersion(migrations.slice(0, index + 1)),
    index,
  }));
  it.each(steps)(
    'opens a database written by version $previous under version $version',
    async ({ previous: previousVersion, version, index }) => {
      const name = `casefile-migration-${version}`;
      if (index > 0) {
        const previous = openAtVersion(name, previousVersion);
        await previous.open();
        await previous.table('settings').put({ key: 'probe', value: previousVersion });
        previous.close();
      }
      const current = openAtVersion(name, version);
      await current.open();
      expect(current.verno).toBe(version);
      // What the previous version wrote is still there (version 1 starts from nothing).
      const expected = index > 0 ? { key: 'probe', value: previousVersion } : undefined;
      expect(await current.table('settings').get('probe')).toEqual(expected);
      current.close();
      await Dexie.delete(name);
    },
  );
  it('keeps version 1 disputes in version 2 and answers them through [status+updatedAt]', async () => {
    const name = 'casefile-migration-v2-disputes';
    const v1 = openAtVersion(name, 1);
    await v1.open();
    const rows = [
      { id: 'a', status: 'active', title: 'A', updatedAt: '2024-01-01T00:00:00.000Z', tags: [] },
      { id: 'b', status: 'settled', title: 'B', updatedAt: '2024-03-01T00:00:00.000Z', tags: [] },
      { id: 'c', status: 'active', title: 'C', updatedAt: '2024-02-01T00:00:00.000Z', tags: [] },
    ];
    await v1.table('disputes').bulkAdd(rows);
    v1.close();

    const v2 = openAtVersion(name, 2);
    await v2.open();
    expect(await v2.table('disputes').orderBy('id').toArray()).toEqual(rows);
    const active = await v2
      .table('disputes')
      .where('[status+updatedAt]')
      .between(['active', Dexie.minKey], ['active', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(active.map((row: { id: string }) => row.id)).toEqual(['c', 'a']);
    v2.close();
    await Dexie.delete(name);
  });

  it('gives version 5 patents their number key, merging two records of one patent', async () => {
    const name = 'casefile-migration-v5-patents';
    const old = openAtVersion(name, PATENT_KEY_PREVIOUS_VERSION);
    await old.open();
    const base = {
      title: '',
      ownerId: null,
      technology: '',
      family: '',
      expiresOn: '',
      sep: false,
    };
    const at = (day: number) => `2024-01-0${day}T00:00:00.000Z`;
    await old.table('patents').bulkAdd([
      {
        ...base,
        id: 'p1',
        number: 'US 10,123,456 B2',
        jurisdiction: 'US',
        title: 'Lens',
        createdAt: at(1),
        updatedAt: at(1),
      },
      {
        ...base,
        id: 'p2',
        number: '10123456',
        jurisdiction: 'United States',
        technology: 'Camera',
        sep: true,
        createdAt: at(2),
        updatedAt: at(2),
      },
      {
        ...base,
        id: 'p3',
        number: '',
        jurisdiction: '',
        title: 'Screen lock',
        createdAt: at(3),
        updatedAt: at(3),
      },
      {
        ...base,
        id: 'p4',
        number: '',
        jurisdiction: '',
        title: 'Photography',
        createdAt: at(4),
        updatedAt: at(4),
      },
      {
        ...base,
        id: 'p5',
        number: 'EP-FICTION-0001',
        jurisdiction: 'Narnia',
        createdAt: at(5),
        updatedAt: at(5),
      },
    ]);
    await old.table('assertions').bulkAdd([
      {
        id: 'a1',
        disputeId: 'd',
        proceedingId: 'x',
        patentId: 'p1',
        claims: '1',
        status: 'asserted',
        notes: '',
      },
      {
        id: 'a2',
        disputeId: 'e',
        proceedingId: 'y',
        patentId: 'p2',
        claims: '2',
        status: 'asserted',
        notes: '',
      },
    ]);
    await old.table('organisations').add({
      id: 'o1',
      name: 'Xiaomi Corporation',
      nameKey: 'xiaomi corporation',
      country: '',
      notes: '',
      createdAt: at(1),
      updatedAt: at(1),
    });
    old.close();

    const db = new CasefileDb(name);
    await db.open();
    const patents = await db.patents.orderBy('id').toArray();
    expect(patents.map((p) => [p.id, p.number, p.jurisdiction, p.numberKey])).toEqual([
      ['p1', 'US 10,123,456 B2', 'US', 'US10123456'],
      ['p3', '', '', null],
      ['p4', '', '', null],
      ['p5', 'EP-FICTION-0001', 'Narnia', '~NARNIA:EPFICTION0001'],
    ]);
    // The second record's values fill the kept one's gaps; its assertion moved over.
    expect(patents[0]).toMatchObject({ title: 'Lens', technology: 'Camera', sep: true });
    const moved = await db.assertions.get('a2');
    expect(moved?.patentId).toBe('p1');
    const report = (await db.settings.get(UPGRADE_REPORT_KEY))?.value as UpgradeReport;
    expect(report.mergedPatents).toEqual([
      { keptId: 'p1', mergedId: 'p2', number: 'US 10,123,456 B2', conflicts: [] },
    ]);
    expect(report.unknownJurisdictions).toEqual([{ patentId: 'p5', jurisdiction: 'Narnia' }]);
    const audit = await db.audit.where('[entity+entityId]').equals(['patent', 'p1']).toArray();
    expect(audit[0]?.summary).toMatch(/Merged a second record of patent “US 10,123,456 B2”/);
    // The unique key now refuses a second record of the same patent.
    await expect(
      db.patents.add({ ...patents[0]!, id: 'p9', number: 'US10123456' }),
    ).rejects.toThrow(/ConstraintError|[Uu]nique/);
    const org = await db.organisations.get('o1');
    expect(org).toMatchObject({ aliases: [], matchKeys: ['xiaomi'] });
    expect(await db.organisations.where('matchKeys').equals('xiaomi').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });

  it('keeps every record of the version before the trash in the trash version and starts with an empty trash', async () => {
    const name = 'casefile-migration-v4-trash';
    const previous = new Dexie(name);
    const upTo = migrations.findIndex(
      (_, i) => declaredVersion(migrations.slice(0, i + 1)) === TRASH_PREVIOUS_VERSION,
    );
    for (const migrate of migrations.slice(0, upTo + 1)) migrate(previous);
    await previous.open();
    expect(previous.verno).toBe(TRASH_PREVIOUS_VERSION);
    const row = {
      id: 'a',
      status: 'active',
      title: 'A',
      updatedAt: '2024-01-01T00:00:00.000Z',
      tags: [],
    };
    await previous.table('disputes').add(row);
    previous.close();

    const current = new CasefileDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.disputes.toArray()).toEqual([row]);
    expect(await current.trash.count()).toBe(0);
    await current.trash.add({
      id: 't',
      deletedAt: '2024-01-02T00:00:00.000Z',
      entity: 'note',
      entityId: 'n',
      disputeId: 'a',
      summary: 'Deleted note',
      records: { notes: [] },
      sha256s: ['f'.repeat(64)],
    });
    expect(await current.trash.where('sha256s').equals('f'.repeat(64)).count()).toBe(1);
    current.close();
    await Dexie.delete(name);
  });

  it('keeps the database of the version before OCR jobs whole under them and starts with no OCR jobs', async () => {
    const name = 'casefile-migration-v6-ocr';
    const previous = openAtVersion(name, OCR_JOBS_PREVIOUS_VERSION);
    await previous.open();
    const document = { id: 'd1', disputeId: 'x', sha256: 'a'.repeat(64), textStatus: 'scanned' };
    await previous.table('documents').add(document);
    await previous.table('documentTexts').add({ sha256: 'b'.repeat(64), pages: ['text'] });
    previous.close();

    const current = openAtVersion(name, OCR_JOBS_VERSION);
    await current.open();
    expect(await current.table('documents').get('d1')).toEqual(document);
    expect(await current.table('documentTexts').get('b'.repeat(64))).toEqual({
      sha256: 'b'.repeat(64),
      pages: ['text'],
    });
    expect(await current.table('ocrJobs').count()).toBe(0);
    await current.table('ocrJobs').add({ sha256: 'a'.repeat(64), state: 'queued' });
    expect(await current.table('ocrJobs').where('state').equals('queued').count()).toBe(1);
    await current.table('documents').add({ ...document, id: 'd2', emailId: 'd1' });
    expect(await current.table('documents').where('emailId').equals('d1').primaryKeys()).toEqual([
      'd2',
    ]);
    current.close();
    await Dexie.delete(name);
  });

  it('opens a version 2 database under version 3 and later and answers open deadlines through openDue', async () => {
    const name = 'casefile-migration-v3-deadlines';
    const v2 = openAtVersion(name, 2);
    await v2.open();
    await v2.table('deadlines').bulkAdd([
      { id: 'open', disputeId: 'd', date: '2026-01-10', done: false, title: 'Open' },
      { id: 'done', disputeId: 'd', date: '2026-01-05', done: true, title: 'Done' },
      { id: 'late', disputeId: 'd', date: '2026-03-01', done: false, title: 'Later' },
    ]);
    v2.close();

    const v3 = new CasefileDb(name);
    await v3.open();
    expect(v3.verno).toBe(SCHEMA_VERSION);
    const due = await v3.deadlines.where('openDue').belowOrEqual('2026-02-01').primaryKeys();
    expect(due).toEqual(['open']);
    // The write path keeps the index: marking done removes it, reopening puts it back.
    await v3.deadlines.update('open', { done: true });
    await v3.deadlines.update('done', { done: false });
    expect(await v3.deadlines.where('openDue').belowOrEqual('2026-02-01').primaryKeys()).toEqual([
      'done',
    ]);
    // Every write to a searched table left an outbox entry for the search index.
    const entries = (await v3.searchOutbox.toArray()).map((e) => `${e.table}:${e.key}`);
    expect(entries.slice(-2)).toEqual(['deadlines:open', 'deadlines:done']);
    v3.close();
    await Dexie.delete(name);
  });

  it('keeps version 6 notes in version 7 and answers those with an amount through notes.amount', async () => {
    const name = 'casefile-migration-vBefore-notes';
    const vBefore = openAtVersion(name, 6);
    await vBefore.open();
    const note = (id: string, amount: number | null) => ({
      id,
      disputeId: 'd',
      date: '2024-05',
      amount,
      currency: amount === null ? '' : 'USD',
      recordsResolution: amount !== null,
    });
    const rows = [note('a', 1_000_000), note('b', null), note('c', 0), note('d', null)];
    await vBefore.table('notes').bulkAdd(rows);
    vBefore.close();

    const vAfter = openAtVersion(name, 7);
    await vAfter.open();
    expect(await vAfter.table('notes').orderBy('id').toArray()).toEqual(rows);
    // Notes without an amount are not in the index at all: the dashboard never reads them.
    const withAmount = await vAfter.table('notes').where('amount').aboveOrEqual(0).toArray();
    expect(withAmount.map((n: { id: string }) => n.id).sort()).toEqual(['a', 'c']);
    vAfter.close();
    await Dexie.delete(name);
  });

  it('keeps version 7 notes in version 8 and answers a dispute’s newest through [disputeId+date]', async () => {
    const name = 'casefile-migration-note-date';
    const v7 = openAtVersion(name, NOTE_DATE_PREVIOUS_VERSION);
    await v7.open();
    const note = (id: string, disputeId: string, date: string) => ({
      id,
      disputeId,
      date,
      amount: null,
      currency: '',
      recordsResolution: false,
    });
    const rows = [
      note('a', 'd', '2023-03'),
      note('b', 'd', ''),
      note('c', 'd', '2024-01-15'),
      note('d', 'other', '2030-01-01'),
      note('e', 'd', '2023-03-20'),
    ];
    await v7.table('notes').bulkAdd(rows);
    v7.close();

    const v8 = openAtVersion(name, NOTE_DATE_VERSION);
    await v8.open();
    expect(v8.verno).toBe(NOTE_DATE_VERSION);
    expect(await v8.table('notes').orderBy('id').toArray()).toEqual(rows);
    // The dispute's dated notes, newest first, without reading its undated one or another dispute's.
    const newest = await v8
      .table('notes')
      .where('[disputeId+date]')
      .between(['d', ''], ['d', Dexie.maxKey], false, true)
      .reverse()
      .toArray();
    expect(newest.map((n: { id: string }) => n.id)).toEqual(['c', 'e', 'a']);
    v8.close();
    await Dexie.delete(name);
  });

  it('keeps OCR jobs and texts of the version before OCR layouts, and answers a page layout by [sha256+page]', async () => {
    const name = 'casefile-migration-v9-ocr-layouts';
    const sha256 = 'c'.repeat(64);
    const previous = openAtVersion(name, OCR_LAYOUTS_PREVIOUS_VERSION);
    await previous.open();
    const job = { sha256, state: 'cancelled', pages: ['page one'], pageCount: 3 };
    const text = { sha256: 'd'.repeat(64), pages: ['read'], source: 'ocr', confidence: [90] };
    await previous.table('ocrJobs').add(job);
    await previous.table('documentTexts').add(text);
    previous.close();

    const current = openAtVersion(name, OCR_LAYOUTS_VERSION);
    await current.open();
    expect(await current.table('ocrJobs').get(sha256)).toEqual(job);
    expect(await current.table('documentTexts').get('d'.repeat(64))).toEqual(text);
    expect(await current.table('ocrLayouts').count()).toBe(0);
    const layout = (page: number) => ({ sha256, page, width: 10, height: 10, words: ['w'] });
    await current.table('ocrLayouts').bulkAdd([layout(1), layout(2), layout(10)]);
    expect(await current.table('ocrLayouts').get([sha256, 2])).toEqual(layout(2));
    const pages = await current
      .table('ocrLayouts')
      .where('[sha256+page]')
      .between([sha256, Dexie.minKey], [sha256, Dexie.maxKey])
      .primaryKeys();
    expect(pages).toEqual([
      [sha256, 1],
      [sha256, 2],
      [sha256, 10],
    ]);
    current.close();
    await Dexie.delete(name);
  });

  it('builds version 10 dispute facts from a version 9 database on first need', async () => {
    const name = 'casefile-migration-v10-dispute-facts';
    const previous = openAtVersion(name, DISPUTE_FACTS_PREVIOUS_VERSION);
    await previous.open();
    const dispute = {
      id: 'd1',
      title: 'Huawei v. Xiaomi',
      status: 'settled',
      ourRole: 'plaintiff',
      openedOn: '2023-03',
      closedOn: '',
      resolution: { kind: 'cross-licence', date: '', licence: null, text: '' },
      tags: [],
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const proceeding = { id: 'p1', disputeId: 'd1', forum: 'Beijing IP Court', country: 'CN' };
    const note = {
      id: 'n1',
      disputeId: 'd1',
      date: '2025-03',
      amount: 100,
      currency: 'USD',
      recordsResolution: true,
    };
    await previous.table('disputes').add(dispute);
    await previous.table('proceedings').add(proceeding);
    await previous.table('notes').add(note);
    previous.close();

    const current = new CasefileDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(DISPUTE_FACTS_VERSION);
    expect(await readDisputeFacts(current)).toEqual({ current: false, rebuilding: true });
    await refreshDisputeFacts(current);
    expect(await readDisputeFacts(current)).toEqual({
      current: true,
      facts: [
        {
          id: 'd1',
          status: 'settled',
          ourRole: 'plaintiff',
          opened: '2023',
          closed: '',
          outcome: 'licence',
          forums: ['Beijing IP Court'],
          countries: ['CN'],
          considerations: [['2025', 'USD', 100]],
        },
      ],
    });
    // What version 9 wrote is untouched.
    expect(await current.disputes.get('d1')).toEqual(dispute);
    current.close();
    await Dexie.delete(name);
  });

  it('keeps version 10 documents in version 11 and pages a dispute’s through [disputeId+id]', async () => {
    const name = 'casefile-migration-v11-document-pages';
    const previous = openAtVersion(name, DOCUMENT_PAGES_PREVIOUS_VERSION);
    await previous.open();
    const document = (id: string, disputeId: string) => ({
      id,
      disputeId,
      sha256: id.padEnd(64, '0'),
      filedOn: '2024-05',
      textStatus: 'none',
      emailId: null,
    });
    const rows = [
      document('a', 'd'),
      document('b', 'other'),
      document('c', 'd'),
      document('e', 'd'),
      document('f', 'other'),
      document('g', 'd'),
    ];
    await previous.table('documents').bulkAdd(rows);
    previous.close();

    const current = openAtVersion(name, DOCUMENT_PAGES_VERSION);
    await current.open();
    expect(current.verno).toBe(DOCUMENT_PAGES_VERSION);
    expect(await current.table('documents').orderBy('id').toArray()).toEqual(rows);
    // A page that starts after a given document of the dispute, and nothing of another dispute.
    const after = await current
      .table('documents')
      .where('[disputeId+id]')
      .between(['d', 'c'], ['d', Dexie.maxKey], false, true)
      .limit(2)
      .primaryKeys();
    expect(after).toEqual(['e', 'g']);
    // The indexes of the version before still answer.
    expect(
      await current.table('documents').where('disputeId').equals('other').primaryKeys(),
    ).toEqual(['b', 'f']);
    current.close();
    await Dexie.delete(name);
  });

  it('starts a new database with its facts current and empty', async () => {
    const name = 'casefile-migration-v10-new';
    const current = new CasefileDb(name);
    await current.open();
    expect(await readDisputeFacts(current)).toEqual({ current: true, facts: [] });
    current.close();
    await Dexie.delete(name);
  });
});
