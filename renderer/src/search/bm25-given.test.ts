import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BM25_GIVEN, installBm25Given } from './bm25-given';

const WORDS = ['lump', 'sum', 'royalty', 'frand', 'licence', 'markman', 'order', 'court'];

async function table() {
  const sqlite3 = await sqlite3InitModule();
  const db = new sqlite3.oo1.DB(':memory:');
  const release = installBm25Given(sqlite3, db);
  db.exec(
    "CREATE VIRTUAL TABLE fts USING fts5(title, body, extra, content='', contentless_delete=1)",
  );
  // Random rows of a few words, so that words and phrases are in most rows, and two rare words
  // (in one row of 7 and one of 11), so that their weights differ from the common ones'.
  const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 });
  const rows = fc.sample(fc.tuple(text, text, text), { numRuns: 300, seed: 12 });
  const insert = db.prepare('INSERT INTO fts(rowid, title, body, extra) VALUES (?, ?, ?, ?)');
  rows.forEach(([title, body, extra], i) => {
    const rare = `${i % 7 === 0 ? 'quokka' : ''} ${i % 11 === 0 ? 'okapi' : ''}`;
    insert.bind([i + 1, title.join(' '), `${body.join(' ')} ${rare}`, extra.join(' ')]).stepReset();
  });
  insert.finalize();
  db.exec('CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, fts, row)');
  return {
    db,
    /** Each row's score by bm25() and by bm25_given() with `counts`. */
    scores: (match: string, counts: string) =>
      db.selectArrays(
        `SELECT bm25(fts, 8.0, 1.0, 2.0), ${BM25_GIVEN}(fts, 8.0, 1.0, 2.0, ?) FROM fts
         WHERE fts MATCH ?`,
        [counts, match],
      ) as [number, number][],
    /** How many rows hold `word`, from the vocabulary. */
    rowsWith: (word: string) =>
      Number(db.selectValue('SELECT doc FROM temp.words WHERE term = ?', [word])),
    close: () => {
      db.close();
      release();
    },
  };
}

describe('bm25_given()', () => {
  it('scores every row as bm25() does when given how many rows match each word', async () => {
    const fts = await table();
    for (const words of [
      ['frand', 'licence'],
      ['markman', 'order', 'court'],
      ['quokka', 'royalty'],
      ['quokka', 'okapi', 'sum'],
    ]) {
      const match = words.map((w) => `"${w}"`).join(' AND ');
      const counts = words.map(fts.rowsWith).join(' ');
      const scored = fts.scores(match, counts);
      expect(scored.length).toBeGreaterThan(1);
      for (const [bm25, given] of scored) {
        expect({ match, given }).toEqual({ match, given: expect.closeTo(bm25, 12) });
      }
    }
    // OR and NOT: the phrases that occur are weighed by their own counts; one after a NOT never
    // occurs in a row that matches, so it needs none.
    const either = fts.scores(
      '("quokka" OR "okapi" OR "court") NOT "frand"',
      ['quokka', 'okapi', 'court'].map(fts.rowsWith).join(' '),
    );
    expect(either.length).toBeGreaterThan(5);
    for (const [bm25, given] of either) expect(given).toBeCloseTo(bm25, 12);
    fts.close();
  });

  it('weighs a phrase counted `*` as bm25() weighs a phrase in more than half the rows', async () => {
    const fts = await table();
    // "lu" starts "lump" alone, which most rows hold: bm25() floors that prefix's weight.
    expect(fts.rowsWith('lump')).toBeGreaterThan(150);
    for (const match of ['"quokka" AND "lu"*', '"okapi" AND "lu"* AND "court"']) {
      const words = positivePhraseWords(match);
      const counts = words.map((word) => (word.endsWith('*') ? '*' : fts.rowsWith(word)));
      const scored = fts.scores(match, counts.join(' '));
      expect(scored.length).toBeGreaterThan(5);
      for (const [bm25, given] of scored) {
        expect({ match, given }).toEqual({ match, given: expect.closeTo(bm25, 12) });
      }
    }
    fts.close();
  });

  it('orders the rows of a one-phrase query as bm25() does, without counting', async () => {
    const fts = await table();
    for (const match of ['"lump sum"', '"royalty"', '"markman order court"', '"sum" NOT "frand"']) {
      const scored = fts.scores(match, '');
      expect(scored.length).toBeGreaterThan(5);
      // bm25() is the phrase's weight times this score, the same weight for every row.
      const weight = scored[0]![0] / scored[0]![1];
      expect(weight).toBeGreaterThan(0);
      for (const [bm25, given] of scored) {
        expect(given).toBeLessThan(0);
        expect({ match, ratio: bm25 / given }).toEqual({ match, ratio: expect.closeTo(weight, 9) });
      }
    }
    // Outside a full-text query it is refused, as bm25() is: an error, not a crash.
    expect(() =>
      fts.db.selectArrays(`SELECT ${BM25_GIVEN}('not a table') FROM fts WHERE fts MATCH 'sum'`),
    ).toThrow(/bm25_given|fts5|context/i);
    fts.close();
  });
});

/** The words of a MATCH of one-word phrases, a prefix keeping its star: "a" AND "b"* → a, b*. */
function positivePhraseWords(match: string): string[] {
  return [...match.matchAll(/"([^"]+)"(\*?)/g)].map(([, word, star]) => `${word}${star}`);
}
