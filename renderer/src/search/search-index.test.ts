import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import { PREFIX_EXPANSION_LIMIT } from '../../../shared/search/query';
import { CANDIDATES_PER_KIND, SearchIndex } from './search-index';
import type { IndexItem, SearchKind } from './search-items';

function item(kind: SearchKind, id: string, body: string, disputeId = 'd1'): IndexItem {
  return {
    key: `${kind}:${id}`,
    kind,
    entityId: id,
    disputeId,
    page: kind === 'document' ? 1 : 0,
    title: `${kind} ${id}`,
    body,
    extra: '',
    target: '',
  };
}

describe('SearchIndex', () => {
  it('ranks each kind on its own, so a common word in many notes still shows the filing', async () => {
    const sqlite3 = await sqlite3InitModule();
    const index = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
    // Many notes first (older row ids), one filing page last: a cap over all kinds at once would
    // be filled by notes before the filing was ever seen.
    const notes = Array.from({ length: CANDIDATES_PER_KIND + 50 }, (_, i) =>
      item('note', `n${i}`, `the running royalty, round ${i}`),
    );
    index.transaction(() => {
      index.add(notes);
      index.add([item('document', 'f1', 'royalty base of the licence', 'd2')]);
      index.setDispute('d1', 'Busy v. Dispute', 'active');
      index.setDispute('d2', 'Other v. Dispute', 'settled');
    });

    const groups = index.query('"royalty"', { perKind: 4 });
    expect(groups.map((g) => g.kind)).toEqual(['document', 'note']);
    const noteGroup = groups.find((g) => g.kind === 'note')!;
    expect(noteGroup.hits).toHaveLength(4);
    // Ranked among a bounded number of candidates, and the screen is told there were more.
    expect(noteGroup.total).toBe(CANDIDATES_PER_KIND);
    expect(noteGroup.capped).toBe(true);
    expect(groups[0]!.hits[0]).toMatchObject({ entityId: 'f1', disputeTitle: 'Other v. Dispute' });

    // Filters by kind and by dispute status still apply before the candidates are counted.
    expect(index.query('"royalty"', { perKind: 4, kinds: ['note'] }).map((g) => g.kind)).toEqual([
      'note',
    ]);
    const settled = index.query('"royalty"', { perKind: 4, statuses: ['settled'] });
    expect(settled.map((g) => [g.kind, g.total, g.capped])).toEqual([['document', 1, false]]);

    // Opened again, the index continues each kind's block of row ids after its last row.
    const reopened = new SearchIndex(index.db, sqlite3);
    reopened.transaction(() => reopened.add([item('note', 'late', 'a late royalty note')]));
    const late = reopened.query('"royalty"', { perKind: 1, kinds: ['note'] });
    expect(late[0]!.hits.map((h) => h.entityId)).toHaveLength(1);
    expect(reopened.itemCount()).toBe(notes.length + 2);
    expect(reopened.query('"late"', { perKind: 4 }).map((g) => g.kind)).toEqual(['note']);
    reopened.close();
  });
  it("finds a typed prefix in each kind from that kind's own words, and forgets a removed record", async () => {
    const sqlite3 = await sqlite3InitModule();
    const index = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
    // More words from one stem than a prefix is expanded into: FTS5's own prefix search answers.
    const many = Array.from({ length: PREFIX_EXPANSION_LIMIT + 5 }, (_, i) => `wordy${i}x`);
    index.transaction(() =>
      index.add([
        item('note', 'n1', 'before the Markman hearing'),
        item('note', 'n2', 'the markmen said'),
        item('document', 'f1', 'Markman order, page one'),
        item('deadline', 'k1', 'marketing plan due'),
        item('note', 'n3', many.join(' ')),
      ]),
    );
    const found = (match: string) =>
      index
        .query(match, { perKind: 10 })
        .flatMap((g) => g.hits.map((h) => h.entityId))
        .sort();

    expect(found('"markm"*')).toEqual(['f1', 'n1', 'n2']);
    expect(found('"mark"*')).toEqual(['f1', 'k1', 'n1', 'n2']);
    expect(found('"markma"* AND "order"')).toEqual(['f1']);
    expect(found('"wordy"*')).toEqual(['n3']);
    expect(found('"zzzz"*')).toEqual([]);

    index.transaction(() => index.remove('note:n1'));
    expect(found('"markm"*')).toEqual(['f1', 'n2']);
    expect(found('"hearing"')).toEqual([]);
    // Its words leave its kind's table too, not only the row that names it.
    expect(
      index.db.selectValue("SELECT count(*) FROM fts_note WHERE fts_note MATCH 'hearing'"),
    ).toBe(0);
    index.close();
  });
});
