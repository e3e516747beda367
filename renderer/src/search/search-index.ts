/**
 * The index itself: SQLite FTS5 (through @sqlite.org/sqlite-wasm) over the items of
 * ./search-items.ts. The FTS table is contentless (`content=''`, `contentless_delete=1`): it
 * holds only the inverted index, not a second copy of every note and page, so it stays a fraction
 * of the text's size; snippets are cut from the records in Dexie, which stays the source of truth.
 * Text reaches FTS5 through the same pre-tokenizer as queries (CJK bigrams, patent-number tokens),
 * and unicode61 with remove_diacritics 2 folds case and accents. Ranking is BM25 with the title
 * weighted above the body; results come back grouped by kind, best first, with each kind's total.
 *
 * Each kind has its own FTS table (fts_note, fts_document …), because a search is answered kind by
 * kind and BM25 reads, before it scores the first row, every row of its table that matches each
 * phrase (to weigh rare words above common ones): one table for all kinds made every kind's
 * statement read all kinds' matches again, which for a common word or a phrase was most of a
 * query's time. A kind's own table also weighs a word by how rare it is among that kind's things.
 * Most queries skip that pass: bm25_given() scores as bm25() does with each phrase's count of rows
 * given, from the vocabulary (./bm25-given.ts).
 */
import type { Database, PreparedStatement, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { bigramCjk } from '../../../shared/search/cjk';
import { patentNumberTokens } from '../../../shared/search/patent-numbers';
import { expandPrefixes, positivePhrases } from '../../../shared/search/query';
import { BM25_GIVEN, installBm25Given } from './bm25-given';
import { SEARCH_KINDS, type IndexItem, type SearchKind } from './search-items';

/** Bumped when what is indexed changes shape, so an older index is rebuilt rather than trusted. */
export const INDEX_FORMAT = '3';

/** A kind's FTS table; kinds are fixed lower-case words, safe inside SQL. */
const ftsOf = (kind: SearchKind) => `fts_${kind}`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS items(
  rowid INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
  dispute_id TEXT NOT NULL, page INTEGER NOT NULL, title TEXT NOT NULL, target TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_key ON items(key);
CREATE TABLE IF NOT EXISTS disputes(id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL)
  WITHOUT ROWID;
${SEARCH_KINDS.map(
  (kind) => `
CREATE VIRTUAL TABLE IF NOT EXISTS ${ftsOf(kind)} USING fts5(title, body, extra, content='',
  contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.words_${kind} USING fts5vocab(main, ${ftsOf(kind)}, row);
CREATE VIRTUAL TABLE IF NOT EXISTS temp.instances_${kind}
  USING fts5vocab(main, ${ftsOf(kind)}, instance);`,
).join('')}
`;

export type IndexHit = {
  key: string;
  kind: SearchKind;
  entityId: string;
  disputeId: string;
  disputeTitle: string;
  disputeStatus: string;
  page: number;
  title: string;
  target: string;
  score: number;
};

/** `total` counts the matches ranked; `capped` says there were more than MATCH_CAP in all. */
export type IndexGroup = { kind: SearchKind; total: number; capped: boolean; hits: IndexHit[] };

/**
 * How many matches of one kind are ranked at most (more when a screen asks for more rows). BM25
 * has to score every match before it can say which is best, and a common word ("royalty")
 * matches a hundred thousand pages: ranking a bounded number of candidates keeps every query's
 * cost bounded, and the screen says "300+" rather than pretending to have ranked them all. The
 * candidates are the newest matches (highest row ids) of each kind, so a common word still
 * shows filings beside notes, and recent work before old.
 */
export const CANDIDATES_PER_KIND = 300;

/**
 * Each kind owns a block of row ids (kind n from n * 2^40): an item's row id is the same in `items`
 * and in its kind's FTS table, and within a kind the newest rows have the highest ids.
 */
const KIND_BLOCK = 2 ** 40;
const firstRowid = (kind: SearchKind) => (SEARCH_KINDS.indexOf(kind) + 1) * KIND_BLOCK;
/** Kinds in the order their groups are answered. */
const ANSWER_ORDER = [...SEARCH_KINDS].sort();

export type QueryOptions = {
  kinds?: readonly SearchKind[];
  statuses?: readonly string[];
  disputeId?: string;
  perKind: number;
};

/** What the index gets for one item: the words as FTS5 should see them. */
export function ftsColumns(item: IndexItem): [string, string, string] {
  const numbers = patentNumberTokens(`${item.title}\n${item.body}\n${item.extra}`);
  return [bigramCjk(item.title), bigramCjk(item.body), `${bigramCjk(item.extra)} ${numbers}`];
}

export class SearchIndex {
  private readonly insertItem: PreparedStatement;
  private readonly insertFts = new Map<SearchKind, PreparedStatement>();
  private readonly rowsOfKey: PreparedStatement;
  private readonly deleteFts = new Map<SearchKind, PreparedStatement>();
  /** A kind's words from a prefix on (its fts5vocab table), for expandPrefixes. */
  private readonly wordsFrom = new Map<SearchKind, PreparedStatement>();
  private readonly deleteItems: PreparedStatement;
  /** Each kind's query statement by its SQL (the kind and its filters' shape). */
  private readonly queries = new Map<string, PreparedStatement>();
  /** Row ids are handed out here rather than read back after each insert (a statement each). */
  private readonly nextRowid = new Map<SearchKind, number>();

  /** How many rows of a kind hold a word: its vocabulary's count, kept until the kind changes. */
  private readonly rowsWithWord = new Map<SearchKind, PreparedStatement>();
  private readonly wordRows = new Map<SearchKind, Map<string, number>>();
  /** Frees bm25_given()'s callback once the connection is closed. */
  private readonly releaseRank: () => void;

  constructor(
    readonly db: Database,
    sqlite3: Sqlite3Static,
  ) {
    db.exec(SCHEMA);
    this.releaseRank = installBm25Given(sqlite3, db);
    this.insertItem = db.prepare(
      'INSERT INTO items(rowid, key, kind, entity_id, dispute_id, page, title, target) VALUES (?,?,?,?,?,?,?,?)',
    );
    for (const kind of SEARCH_KINDS) {
      const fts = ftsOf(kind);
      this.insertFts.set(
        kind,
        db.prepare(`INSERT INTO ${fts}(rowid, title, body, extra) VALUES (?,?,?,?)`),
      );
      this.deleteFts.set(kind, db.prepare(`DELETE FROM ${fts} WHERE rowid = ?`));
      // The first word from ?1 on, below ?2. From the table of instances, not of words: a row of
      // the words' table counts every row that holds the word before it is returned (a pass over a
      // common word's whole list, ~8 ms a kind at 100,000 pages), an instance is where it starts.
      this.wordsFrom.set(
        kind,
        db.prepare(
          `SELECT term FROM temp.instances_${kind} WHERE term >= ?1 AND term < ?2 LIMIT 1`,
        ),
      );
    }
    for (const kind of SEARCH_KINDS) {
      this.rowsWithWord.set(kind, db.prepare(`SELECT doc FROM temp.words_${kind} WHERE term = ?`));
      this.wordRows.set(kind, new Map());
    }
    this.rowsOfKey = db.prepare('SELECT rowid, kind FROM items WHERE key = ?');
    this.deleteItems = db.prepare('DELETE FROM items WHERE key = ?');
    for (const kind of SEARCH_KINDS) {
      const last = db.selectValue('SELECT max(rowid) FROM items WHERE rowid BETWEEN ? AND ?', [
        firstRowid(kind),
        firstRowid(kind) + KIND_BLOCK - 1,
      ]);
      this.nextRowid.set(
        kind,
        last === undefined || last === null ? firstRowid(kind) : Number(last) + 1,
      );
    }
  }

  close(): void {
    for (const statement of [
      this.insertItem,
      ...this.insertFts.values(),
      this.rowsOfKey,
      ...this.deleteFts.values(),
      ...this.wordsFrom.values(),
      ...this.rowsWithWord.values(),
      this.deleteItems,
      ...this.queries.values(),
    ]) {
      statement.finalize();
    }
    this.db.close();
    this.releaseRank();
  }

  meta(key: string): string | undefined {
    const value = this.db.selectValue('SELECT value FROM meta WHERE key = ?', [key]);
    return typeof value === 'string' ? value : undefined;
  }

  setMeta(key: string, value: string): void {
    this.db.exec({
      sql: 'INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)',
      bind: [key, value],
    });
  }

  /** Runs `work` in one transaction: a batch of index writes commits whole or not at all. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work());
  }

  /** Removes every row of `key`. */
  remove(key: string): void {
    const rows: [number, SearchKind][] = [];
    this.rowsOfKey.bind([key]);
    while (this.rowsOfKey.step()) {
      rows.push([this.rowsOfKey.get(0) as number, this.rowsOfKey.get(1) as SearchKind]);
    }
    this.rowsOfKey.reset(true);
    for (const [rowid, kind] of rows) {
      this.deleteFts.get(kind)!.bind([rowid]).stepReset();
      this.wordRows.get(kind)!.clear();
    }
    this.deleteItems.bind([key]).stepReset();
  }

  /** Adds items (their key's old rows must have been removed, or never existed). */
  add(items: readonly IndexItem[]): void {
    for (const item of items) {
      const rowid = this.nextRowid.get(item.kind)!;
      this.nextRowid.set(item.kind, rowid + 1);
      this.insertItem
        .bind([
          rowid,
          item.key,
          item.kind,
          item.entityId,
          item.disputeId,
          item.page,
          item.title,
          item.target,
        ])
        .stepReset();
      this.insertFts
        .get(item.kind)!
        .bind([rowid, ...ftsColumns(item)])
        .stepReset();
      this.wordRows.get(item.kind)!.clear();
    }
  }

  setDispute(id: string, title: string, status: string): void {
    this.db.exec({
      sql: 'INSERT OR REPLACE INTO disputes(id, title, status) VALUES (?, ?, ?)',
      bind: [id, title, status],
    });
  }

  removeDispute(id: string): void {
    this.db.exec({ sql: 'DELETE FROM disputes WHERE id = ?', bind: [id] });
  }

  /** Empties the index (a restore or a format change rebuilds it from the database). */
  clear(): void {
    this.db.exec(
      `DELETE FROM items; DELETE FROM disputes; DELETE FROM meta; ${SEARCH_KINDS.map(
        (kind) => `INSERT INTO ${ftsOf(kind)}(${ftsOf(kind)}) VALUES('delete-all');`,
      ).join(' ')}`,
    );
    for (const kind of SEARCH_KINDS) {
      this.nextRowid.set(kind, firstRowid(kind));
      this.wordRows.get(kind)!.clear();
    }
  }

  /**
   * Readies each kind for the first query of a session: its query statements prepared (preparing
   * one costs as much as a rare word's answer) and a word looked up in its table, which reads
   * FTS5's configuration and segment structure. Without it, the first keystrokes after the app
   * opens paid for all of that, kind after kind.
   */
  warm(): void {
    for (const kind of SEARCH_KINDS) {
      for (const rankBy of [BM25_GIVEN, 'bm25']) {
        const statement = this.statement(kind, '', rankBy);
        try {
          const counts = rankBy === BM25_GIVEN ? [''] : [];
          statement.bind([...counts, '"casefilewarmup"', CANDIDATES_PER_KIND, 1]);
          while (statement.step()) {
            // a row or none: the point is the reading, not the answer
          }
        } finally {
          statement.reset(true);
        }
      }
    }
  }

  /**
   * One step of merging `kind`'s FTS5 segments towards one: about `pages` pages written (FTS5's
   * 'merge' with a negative budget, which merges whatever segments there are, as 'optimize' does
   * all at once). False once there was nothing left to merge. A bulk build leaves each kind in
   * 10–15 segments, and a word is looked up, and a common one read newest first, in every one of
   * them; merged into one, the bench's 200 queries took about half the time at p95 in the app's
   * worker (OPFS). Later writes add small segments, which FTS5's automerge keeps few.
   */
  mergeStep(kind: SearchKind, pages: number): boolean {
    const before = Number(this.db.changes(true));
    const fts = ftsOf(kind);
    this.db.exec(
      `INSERT INTO ${fts}(${fts}, rank) VALUES('merge', ${-Math.max(1, Math.floor(pages))})`,
    );
    // FTS5's own test of whether the command merged anything: it counts 2 or more changes.
    return Number(this.db.changes(true)) - before >= 2;
  }

  /** How many segments `kind`'s index is in (the distinct segments of its b-tree index). */
  segmentCount(kind: SearchKind): number {
    return Number(this.db.selectValue(`SELECT count(DISTINCT segid) FROM ${ftsOf(kind)}_idx`) ?? 0);
  }

  itemCount(): number {
    return Number(this.db.selectValue('SELECT count(*) FROM items') ?? 0);
  }

  /**
   * Runs an FTS5 MATCH expression; each kind's best `perKind` hits, one per record. One statement
   * per kind, on its own table: FTS5 walks it newest first and stops at the candidate limit; only
   * the rows shown are joined back for their titles.
   */
  query(match: string, options: QueryOptions): IndexGroup[] {
    const groups: IndexGroup[] = [];
    for (const kind of this.kindsToAnswer(options)) {
      const group = this.queryKind(kind, match, options);
      if (group) groups.push(group);
    }
    return groups;
  }

  /** The kinds `options` asks for, in the order their groups are answered. */
  kindsToAnswer(options: Pick<QueryOptions, 'kinds'>): SearchKind[] {
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : ANSWER_ORDER;
    return ANSWER_ORDER.filter((kind) => kinds.includes(kind));
  }

  /**
   * One kind's part of `query`: a statement of its own, so that a caller can stop between kinds
   * when the answer is no longer wanted (a running statement cannot be interrupted).
   */
  queryKind(kind: SearchKind, match: string, options: QueryOptions): IndexGroup | null {
    if (!match) return null;
    let filter = '';
    const filterBind: string[] = [];
    if (options.statuses && options.statuses.length > 0) {
      filter += ` AND i.dispute_id IN (SELECT id FROM disputes WHERE status IN (${options.statuses
        .map(() => '?')
        .join(',')}))`;
      filterBind.push(...options.statuses);
    }
    if (options.disputeId) {
      filter += ' AND i.dispute_id = ?';
      filterBind.push(options.disputeId);
    }
    const limit = Math.max(CANDIDATES_PER_KIND, options.perKind * 5);
    const kindMatch = expandPrefixes(match, (prefix, most) => this.words(kind, prefix, most));
    const rank = this.ranking(kind, kindMatch);
    const statement = this.statement(kind, filter, rank.by);
    const rows: unknown[][] = [];
    try {
      // bm25_given's counts come first: its call is the statement's first parameter.
      const counts = rank.by === BM25_GIVEN ? [rank.counts] : [];
      statement.bind([...counts, kindMatch, ...filterBind, limit, options.perKind]);
      while (statement.step()) rows.push(statement.get([]));
    } finally {
      statement.reset(true);
    }
    if (rows.length === 0) return null;
    return {
      kind,
      total: Number(rows[0]![7]),
      capped: Number(rows[0]![10]) >= limit,
      hits: rows.map((row) => ({
        key: row[0] as string,
        kind,
        entityId: row[1] as string,
        disputeId: row[2] as string,
        page: Number(row[3]),
        title: row[4] as string,
        target: row[5] as string,
        score: Number(row[6]),
        disputeTitle: (row[8] as string | null) ?? '',
        disputeStatus: (row[9] as string | null) ?? '',
      })),
    };
  }

  /**
   * How `kind`'s rows are ranked for `match`: by bm25_given() with each phrase's count of rows where
   * every phrase is one word (a look-up in the vocabulary, kept until the kind changes); by
   * bm25_given() without counts where there is one phrase (its weight cannot change the order);
   * otherwise by bm25() itself (a phrase of several words among others, a word the vocabulary
   * does not know as written).
   *
   * A prefix left to FTS5 (two or three letters, or a stem of more words than are expanded) is
   * weighed as a word in every row (`*`, see bm25-given.ts): it narrows the rows, the whole words
   * rank them. Counting its rows is the pass bm25() makes over every row that holds any word it
   * starts, which for "royalty ca" or "frand li", typed on the way to the words meant, took
   * longer than the rest of the query; and so short a prefix says little of which row is meant.
   */
  private ranking(kind: SearchKind, match: string): { by: string; counts: string } {
    const phrases = positivePhrases(match);
    if (phrases.length === 1) return { by: BM25_GIVEN, counts: '' };
    if (phrases.every((phrase) => phrase.words.length === 1)) {
      const counts = phrases.map((phrase) =>
        phrase.prefix ? '*' : this.rowsWith(kind, phrase.words[0]!),
      );
      if (counts.every((count) => count === '*' || count > 0)) {
        return { by: BM25_GIVEN, counts: counts.join(' ') };
      }
    }
    return { by: 'bm25', counts: '' };
  }

  private rowsWith(kind: SearchKind, word: string): number {
    const known = this.wordRows.get(kind)!;
    let count = known.get(word);
    if (count === undefined) {
      const statement = this.rowsWithWord.get(kind)!;
      try {
        statement.bind([word]);
        count = statement.step() ? Number(statement.get(0)) : 0;
      } finally {
        statement.reset(true);
      }
      // Words typed in a session are few; a bound keeps a long session's from piling up.
      if (known.size >= 1_000) known.clear();
      known.set(word, count);
    }
    return count;
  }

  /**
   * The words of `kind`'s index that start with `prefix`, at most `most` of them: a seek for each.
   * A word's bytes sort below the same word followed by char(1), which sorts below every longer
   * word that starts with it (words hold no control characters); char(1114111), the last code
   * point, sorts above every word that starts with the prefix.
   */
  private words(kind: SearchKind, prefix: string, most: number): string[] {
    const statement = this.wordsFrom.get(kind)!;
    const words: string[] = [];
    const end = `${prefix}\u{10FFFF}`;
    let from = prefix;
    while (words.length < most) {
      let word: string | undefined;
      try {
        statement.bind([from, end]);
        if (statement.step()) word = statement.get(0) as string;
      } finally {
        statement.reset(true);
      }
      if (word === undefined) break;
      words.push(word);
      from = `${word}\u0001`;
    }
    return words;
  }

  /** A kind's query with these filters, prepared once: preparing costs as much as a rare word's answer. */
  private statement(kind: SearchKind, filter: string, rankBy: string): PreparedStatement {
    const fts = ftsOf(kind);
    // CROSS JOIN keeps FTS5 the outer loop, so the row-id order and the LIMIT are its own.
    const counts = rankBy === BM25_GIVEN ? ', ?' : '';
    const sql = `WITH hits AS (
         SELECT ${fts}.rowid AS r, i.key AS key, ${rankBy}(${fts}, 8.0, 1.0, 2.0${counts}) AS score
         FROM ${fts} CROSS JOIN items i ON i.rowid = ${fts}.rowid
         WHERE ${fts} MATCH ?${filter}
         ORDER BY ${fts}.rowid DESC LIMIT ?),
       best AS (
         SELECT r, score, row_number() OVER (PARTITION BY key ORDER BY score) AS nth FROM hits),
       ranked AS (
         SELECT r, score, row_number() OVER (ORDER BY score) AS rn, count(*) OVER () AS total
         FROM best WHERE nth = 1)
       SELECT i.key, i.entity_id, i.dispute_id, i.page, i.title, i.target, r.score, r.total,
              d.title, d.status, (SELECT count(*) FROM hits)
       FROM ranked r JOIN items i ON i.rowid = r.r LEFT JOIN disputes d ON d.id = i.dispute_id
       WHERE r.rn <= ? ORDER BY r.rn`;
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }
}
