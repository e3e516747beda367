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

  it('ranks as bm25() does, and counts a word again once its kind changes', async () => {
    const sqlite3 = await sqlite3InitModule();
    const index = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
    const words = ['frand', 'licence', 'lump', 'sum', 'royalty', 'offer', 'term', 'sheet'];
    // Rows of differing lengths and mixes, a rare word in some, so each ranking has an order.
    let state = 7;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const notes = Array.from({ length: 120 }, (_, i) =>
      item(
        'note',
        `n${i}`,
        Array.from({ length: 4 + next(20) }, () => words[next(words.length)])
          .concat(i % 9 === 0 ? ['okapi'] : [])
          .join(' '),
      ),
    );
    index.transaction(() => index.add(notes));
    const ours = (match: string) =>
      (index.query(match, { perKind: 120 })[0]?.hits ?? []).map((hit) => hit.entityId);
    // Each record's bm25() score; rows of equal scores may come in either order.
    const bm25 = (match: string) =>
      new Map(
        index.db.selectArrays(
          `SELECT i.entity_id, bm25(fts_note, 8.0, 1.0, 2.0) FROM fts_note
           JOIN items i ON i.rowid = fts_note.rowid WHERE fts_note MATCH ?`,
          [match],
        ) as [string, number][],
      );
    const inBm25Order = (match: string) => {
      const scores = bm25(match);
      const order = ours(match);
      expect(order.length).toBe(scores.size);
      const scored = order.map((id) => scores.get(id)!);
      const tolerance = Math.abs(scored[0]!) * 1e-9;
      // Ascending: best (lowest) first, as bm25() sorts.
      scored.slice(1).forEach((score, i) => {
        expect({ match, at: i + 1, after: score - scored[i]! >= -tolerance }).toEqual({
          match,
          at: i + 1,
          after: true,
        });
      });
      // Not all equal: the order was the ranking's, not the table's.
      expect(scored.at(-1)! - scored[0]!).toBeGreaterThan(tolerance);
    };
    for (const match of [
      '"frand" AND "licence"',
      '"okapi" AND "royalty"',
      '"lump sum"',
      '"offer"',
      '("okapi" OR "sheet") NOT "frand"',
      '"term sheet" AND "offer"',
      // A prefix left to FTS5 among whole words, as typed: weighed without counting its rows,
      // which bm25() weighs the same when they are more than half (the offer or term in most).
      '"okapi" AND "of"*',
      '"royalty" AND "te"*',
    ]) {
      inBm25Order(match);
    }

    // Three more rows with "okapi": its count is read again, and the order is bm25()'s still.
    index.transaction(() =>
      index.add([1, 2, 3].map((n) => item('note', `late${n}`, 'okapi royalty okapi'))),
    );
    inBm25Order('"okapi" AND "royalty"');
    index.close();
  });
  it('merges a kind written in several transactions into one segment, step by step, with the same answers', async () => {
    const sqlite3 = await sqlite3InitModule();
    const index = new SearchIndex(new sqlite3.oo1.DB(':memory:'), sqlite3);
    // Each transaction leaves a segment of its own (FTS5 merges on its own only from 4 up).
    for (let batch = 0; batch < 3; batch += 1) {
      index.transaction(() =>
        index.add(
          Array.from({ length: 40 }, (_, i) =>
            item('note', `b${batch}-${i}`, `royalty round ${batch} item${i} lump sum`),
          ),
        ),
      );
    }
    index.transaction(() => index.add([item('document', 'f1', 'royalty base')]));
    expect(index.segmentCount('note')).toBe(3);
    const ask = () =>
      ['"royalty"', '"lump sum"', '"item3"', '"ro"*'].map((match) =>
        index.query(match, { perKind: 50 }),
      );
    const before = ask();
    // Readying the statements for a session's first query changes no answer.
    index.warm();
    expect(ask()).toEqual(before);
    let steps = 0;
    while (index.mergeStep('note', 1)) steps += 1;
    expect(steps).toBeGreaterThan(1);
    expect(index.segmentCount('note')).toBe(1);
    // Nothing left to merge: a step says so, here and in a kind of one segment.
    expect(index.mergeStep('note', 1)).toBe(false);
    expect(index.mergeStep('document', 64)).toBe(false);
    expect(ask()).toEqual(before);
    index.close();
  });
});
