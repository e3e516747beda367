import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installPhraseRank, PHRASE_RANK } from './phrase-rank';

const WORDS = ['lump', 'sum', 'royalty', 'frand', 'licence', 'markman', 'order', 'court'];

describe('phrase_rank()', () => {
  it('scores every row of a one-phrase query as bm25() does, without the rarity weight', async () => {
    const sqlite3 = await sqlite3InitModule();
    const db = new sqlite3.oo1.DB(':memory:');
    const release = installPhraseRank(sqlite3, db);
    db.exec(
      "CREATE VIRTUAL TABLE fts USING fts5(title, body, extra, content='', contentless_delete=1)",
    );
    const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 });
    const rows = fc.sample(fc.tuple(text, text, text), { numRuns: 300, seed: 12 });
    const insert = db.prepare('INSERT INTO fts(rowid, title, body, extra) VALUES (?, ?, ?, ?)');
    rows.forEach(([title, body, extra], i) => {
      insert.bind([i + 1, title.join(' '), body.join(' '), extra.join(' ')]).stepReset();
    });
    insert.finalize();

    for (const match of ['"lump sum"', '"royalty"', '"markman order court"', '"sum" NOT "frand"']) {
      const scored = db.selectArrays(
        `SELECT bm25(fts, 8.0, 1.0, 2.0), ${PHRASE_RANK}(fts, 8.0, 1.0, 2.0) FROM fts
         WHERE fts MATCH ?`,
        [match],
      ) as [number, number][];
      expect(scored.length).toBeGreaterThan(5);
      // bm25() is the phrase's weight times this score, the same weight for every row.
      const weight = scored[0]![0] / scored[0]![1];
      expect(weight).toBeGreaterThan(0);
      for (const [bm25, ours] of scored) {
        expect(ours).toBeLessThan(0);
        expect({ match, ratio: bm25 / ours }).toEqual({ match, ratio: expect.closeTo(weight, 9) });
      }
    }

    // Outside a full-text query it is refused, as bm25() is: an error, not a crash.
    expect(() =>
      db.selectArrays(`SELECT ${PHRASE_RANK}('not a table') FROM fts WHERE fts MATCH 'sum'`),
    ).toThrow(/phrase_rank|fts5|context/i);
    db.close();
    release();
  });
});
