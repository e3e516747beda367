import sqlite3InitModule, { type Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../db/casefile-db';
import { createDeadline } from '../db/repos/deadline-repo';
import { attachDocument, recordExtraction } from '../db/repos/document-repo';
import { createNote, deleteNote, noteToInput, updateNote } from '../db/repos/note-repo';
import { findOrCreateOrganisation } from '../db/repos/organisation-repo';
import { addParty } from '../db/repos/party-repo';
import { assertPatent } from '../db/repos/patent-repo';
import { createProceeding } from '../db/repos/proceeding-repo';
import { fileToAttach, openTestDbWithDispute } from '../db/testing/test-db';
import { INDEX_FORMAT, SearchIndex } from './search-index';
import { SearchIndexer, type IndexStorage } from './search-indexer';

let sqlite3: Sqlite3Static;

/** An index in memory standing in for the stored one (`persisted`), or for a second window's. */
function memoryStorage(persisted = true, opened?: (index: SearchIndex) => void): IndexStorage {
  const open = () => {
    const index = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
    opened?.(index);
    return index;
  };
  return {
    persisted,
    openCurrent: open,
    startFresh: async (_strategy, current) => {
      current.close();
      const index = open();
      return { index, commit: async () => index };
    },
    sizeOf: () => 0,
  };
}

/** One stored index that every indexer given this storage opens, as the OPFS file is. */
function storedIndex(): IndexStorage {
  let stored = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
  return {
    persisted: true,
    openCurrent: () => stored,
    startFresh: async (_strategy, current) => {
      current.close();
      stored = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
      const index = stored;
      return { index, commit: async () => index };
    },
    sizeOf: () => 0,
  };
}

async function found(indexer: SearchIndexer, query: string, typing = false) {
  const answer = await indexer.search({ query, perKind: 10, typing });
  return answer.groups.flatMap((g) =>
    g.hits.map((h) => `${h.kind}:${h.title}${h.page ? `#${h.page}` : ''}`),
  );
}

describe('search index and its change feed', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeAll(async () => {
    sqlite3 = await sqlite3InitModule();
  });
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute({
      title: 'Huawei v. Xiaomi',
      matterNumber: 'LIT-2023-014',
      summary: 'Cross-licence talks about the running royalty.',
    }));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('builds from what the database holds, then follows every write through the outbox', async () => {
    const proceeding = await createProceeding(db, {
      disputeId,
      forum: 'E.D. Tex.',
      caseNumber: '2:26-cv-00123',
      judge: 'Rodney Gilstrap',
    });
    const note = await createNote(db, {
      disputeId,
      kind: 'meeting',
      title: 'Royalty call',
      body: '## Call\n华为与小米讨论**专利**许可 with Société Générale',
      participants: 'Jane Roe',
    });
    const indexer = new SearchIndexer(db, memoryStorage());
    const first = await indexer.sync();
    expect(first.rebuilt).toBe(true);
    expect(await db.searchOutbox.count()).toBe(0);

    expect(await found(indexer, 'running royalty')).toEqual(['dispute:Huawei v. Xiaomi']);
    expect(await found(indexer, 'LIT-2023-014')).toEqual(['dispute:Huawei v. Xiaomi']);
    expect(await found(indexer, '2:26-cv-00123')).toEqual([`proceeding:E.D. Tex. · 2:26-cv-00123`]);
    expect(await found(indexer, 'gilstrap')).toHaveLength(1);
    expect(await found(indexer, '专利')).toEqual(['note:Royalty call']);
    expect(await found(indexer, 'societe generale')).toEqual(['note:Royalty call']);
    expect(await found(indexer, 'roy', true)).toEqual([
      'dispute:Huawei v. Xiaomi',
      'note:Royalty call',
    ]);
    expect(await found(indexer, 'royalty -running')).toEqual(['note:Royalty call']);
    expect(await found(indexer, '"royalty call"')).toEqual(['note:Royalty call']);

    await updateNote(db, note.id, { ...noteToInput(note), body: 'Now about the Markman order' });
    expect(await db.searchOutbox.count()).toBeGreaterThan(0);
    await indexer.sync();
    expect(await found(indexer, 'markman')).toEqual(['note:Royalty call']);
    expect(await found(indexer, '专利')).toEqual([]);

    await deleteNote(db, note.id);
    await indexer.sync();
    expect(await found(indexer, 'markman')).toEqual([]);
    expect(proceeding.id).toBeTruthy();
  });

  it('finds patents in every writing, parties, deadlines and filings page by page', async () => {
    const proceeding = await createProceeding(db, { disputeId, forum: 'Shenzhen Intermediate' });
    await assertPatent(
      db,
      { number: 'US 10,123,456 B2', jurisdiction: 'US', title: 'Screen lock' },
      { disputeId, proceedingId: proceeding.id },
    );
    await assertPatent(
      db,
      { number: 'ZL 2019 1 0123456.7', jurisdiction: 'CN', title: 'Photography' },
      { disputeId, proceedingId: proceeding.id },
    );
    const xiaomi = await findOrCreateOrganisation(db, { name: 'Xiaomi' });
    await addParty(db, {
      disputeId,
      organisationId: xiaomi.id,
      role: 'defendant',
      outsideCounsel: 'King & Wood',
    });
    await createDeadline(db, {
      disputeId,
      date: '2026-04-01',
      kind: 'hearing',
      title: 'Markman hearing',
    });
    const indexer = new SearchIndexer(db, memoryStorage());
    await indexer.sync();
    for (const writing of ['US 10,123,456 B2', 'US10123456', '10123456']) {
      expect(await found(indexer, writing)).toEqual(['patent:US 10,123,456 B2 — Screen lock']);
    }
    expect(await found(indexer, 'ZL 2019 1 0123456.7')).toHaveLength(1);
    expect(await found(indexer, '201910123456')).toHaveLength(1);
    expect(await found(indexer, 'king wood')).toEqual(['organisation:Xiaomi']);
    expect(await found(indexer, 'markman')).toEqual(['deadline:Markman hearing']);

    const document = await attachDocument(
      db,
      { disputeId, title: 'Complaint' },
      fileToAttach('%PDF-1.4 complaint', 'complaint.pdf', 'application/pdf'),
    );
    await recordExtraction(db, document.sha256, {
      textStatus: 'extracted',
      pageCount: 2,
      pages: ['Page one about nothing.', 'The Markman order construed claim 1.'],
    });
    await indexer.sync();
    const answer = await indexer.search({ query: 'markman order', perKind: 10, typing: false });
    const filing = answer.groups.find((g) => g.kind === 'document')!.hits[0]!;
    expect(filing.page).toBe(2);
    expect(filing.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['Markman', 'order']);
  });

  it('leaves the outbox to the stored index when it only holds the index in memory', async () => {
    const stored = new SearchIndexer(db, memoryStorage(true));
    const second = new SearchIndexer(db, memoryStorage(false));
    await stored.sync();
    await second.sync();
    const note = await createNote(db, {
      disputeId,
      kind: 'meeting',
      title: 'Seen by both',
      body: 'ibex',
    });
    await second.sync();
    expect(await found(second, 'ibex')).toEqual(['note:Seen by both']);
    expect(await db.searchOutbox.count()).toBeGreaterThan(0);
    await stored.sync();
    expect(await found(stored, 'ibex')).toEqual(['note:Seen by both']);
    expect(await db.searchOutbox.count()).toBe(0);
    expect(note.id).toBeTruthy();
  });

  it('rebuilds after a restore clears the tables', async () => {
    await createNote(db, { disputeId, kind: 'meeting', title: 'Before restore', body: 'alpha' });
    const indexer = new SearchIndexer(db, memoryStorage());
    await indexer.sync();
    await db.transaction('rw', [db.notes], async () => {
      await db.notes.clear();
      await db.notes.add({
        ...(await createNoteShape(disputeId)),
        title: 'Restored',
        body: 'beta',
      });
    });
    const result = await indexer.sync();
    expect(result.rebuilt).toBe(true);
    expect(await found(indexer, 'alpha')).toEqual([]);
    expect(await found(indexer, 'beta')).toEqual(['note:Restored']);
  });

  it('rebuilds a stored index built from another database than the one it is given', async () => {
    await createNote(db, {
      disputeId,
      kind: 'meeting',
      title: 'In the damaged one',
      body: 'alpha',
    });
    const storage = storedIndex();
    await new SearchIndexer(db, storage).sync();
    // "Start with an empty database": the window opens the next database, the stored index stays.
    const { db: next, disputeId: nextDispute } = await openTestDbWithDispute({ title: 'Fresh' });
    try {
      await createNote(next, {
        disputeId: nextDispute,
        kind: 'meeting',
        title: 'New',
        body: 'beta',
      });
      const indexer = new SearchIndexer(next, storage);
      expect((await indexer.sync()).rebuilt).toBe(true);
      expect(await found(indexer, 'alpha')).toEqual([]);
      expect(await found(indexer, 'beta')).toEqual(['note:New']);
      // Caught up, the next start only drains the outbox.
      expect((await new SearchIndexer(next, storage).sync()).rebuilt).toBe(false);
    } finally {
      await next.delete();
    }
  });

  it('stops a query that a later keystroke overtook after the kind it is on', async () => {
    await createNote(db, { disputeId, kind: 'meeting', title: 'Markman prep', body: 'claims' });
    await createDeadline(db, { disputeId, date: '2026-04-01', kind: 'hearing', title: 'Markman' });
    let index: SearchIndex | undefined;
    const indexer = new SearchIndexer(
      db,
      memoryStorage(true, (opened) => (index = opened)),
    );
    await indexer.sync();
    expect(await found(indexer, 'markman')).toEqual(['deadline:Markman', 'note:Markman prep']);

    // The cancel comes while the first kind's statement runs, as it does when the next
    // keystroke's query is sent: the other kinds are not asked, and nothing is answered.
    const controller = new AbortController();
    const asked: string[] = [];
    const queryKind = index!.queryKind.bind(index);
    index!.queryKind = (kind, match, options) => {
      asked.push(kind);
      controller.abort();
      return queryKind(kind, match, options);
    };
    const answer = await indexer.search(
      { query: 'markman', perKind: 10, typing: false },
      controller.signal,
    );
    expect(answer.groups).toEqual([]);
    expect(asked).toEqual(['deadline']);
  });
  it('merges a stored index once it has caught up, once, with queries answered meanwhile', async () => {
    // An index left by an earlier version: complete, its notes in three segments.
    let stored: SearchIndex | undefined;
    const storage = memoryStorage(true, (index) => {
      stored ??= index;
      index.setMeta('format', INDEX_FORMAT);
      index.setMeta('built', 'complete');
      index.setMeta('database', db.name);
      for (let batch = 0; batch < 3; batch += 1) {
        index.transaction(() =>
          index.add(
            Array.from({ length: 30 }, (_, i) => ({
              key: `note:old-${batch}-${i}`,
              kind: 'note' as const,
              entityId: `old-${batch}-${i}`,
              disputeId,
              page: 0,
              title: `Old ${batch}-${i}`,
              body: `quokka clause, round ${batch}`,
              extra: '',
              target: '',
            })),
          ),
        );
      }
    });
    const indexer = new SearchIndexer(db, storage);
    expect(stored!.segmentCount('note')).toBe(3);
    const sync = indexer.sync();
    expect((await sync).rebuilt).toBe(false);
    // The merge started when the sync ended; a query asked now is answered between its steps.
    const [answer, merged] = await Promise.all([
      found(indexer, 'quokka clause'),
      indexer.compact(),
    ]);
    expect(answer).toHaveLength(10);
    expect(merged.steps).toBeGreaterThan(0);
    expect(stored!.segmentCount('note')).toBe(1);
    expect(await found(indexer, 'quokka clause')).toEqual(answer);
    // Recorded: later writes do not start it again.
    await createNote(db, { disputeId, kind: 'meeting', title: 'New quokka', body: '' });
    await indexer.sync();
    expect((await indexer.compact()).steps).toBe(0);
    expect(await found(indexer, 'new quokka')).toEqual(['note:New quokka']);
  });
});

async function createNoteShape(disputeId: string) {
  const at = new Date().toISOString();
  return {
    id: 'restored-note',
    disputeId,
    date: '',
    kind: 'meeting' as const,
    participants: '',
    amount: null,
    currency: '',
    title: '',
    body: '',
    documentIds: [],
    privilege: 'none' as const,
    recordsResolution: false,
    createdAt: at,
    updatedAt: at,
  };
}
