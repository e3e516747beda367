/**
 * `bm25_given(fts, w0, w1, …, counts)`: FTS5's bm25() with the number of rows that match each
 * phrase given by the caller instead of counted. An FTS5 auxiliary function written against FTS5's
 * C API (fts5.h) through sqlite-wasm's function-table helpers, since sqlite-wasm has no
 * JavaScript binding for FTS5's extension API.
 *
 * Why: bm25() weighs each phrase by how rare it is (its IDF), and to know that, before it scores
 * the first row, it reads every row of the table that matches each phrase. For a phrase of two
 * common words ("lump sum") that is a pass over the whole table checking word positions: 25–50 ms
 * on a kind of 100,000 pages (measured in Node, same wasm build), where finding the newest 300
 * candidates takes 4–6 ms; for a common word, 5–7 ms a kind. Here the caller says how many rows
 * match each phrase (a word's count is one look-up in the index's vocabulary, and it can be kept
 * until the table changes), or leaves the counts out when the query has one phrase: its weight is
 * then the same factor for every row and cannot change their order.
 *
 * Each row is scored exactly as bm25() scores it: the column weights `w…` (one per column, as
 * bm25's arguments), k1 = 1.2, b = 0.75, the row's length against the table's average. `counts`
 * is text: the counts of the phrases in their order in the query, separated by spaces; a phrase
 * without one weighs 1 (those after a NOT never occur in a row that matches). A count written `*`
 * says the phrase is as common as a phrase can be (a prefix of a few letters, which stands for so
 * many words that counting its rows would cost the pass this function exists to skip): it weighs
 * what bm25() gives a phrase in more than half the rows, next to nothing.
 */
import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';

export const BM25_GIVEN = 'bm25_given';

const K1 = 1.2;
const B = 0.75;

/** Members of Fts5ExtensionApi (fts5.h) used here, by their slot: each is one pointer wide. */
const API_SLOT = {
  xColumnCount: 2,
  xRowCount: 3,
  xColumnTotalSize: 4,
  xInstCount: 8,
  xInst: 9,
  xColumnSize: 12,
} as const;
type ApiMember = keyof typeof API_SLOT;

/** fts5_api (fts5.h): iVersion, xCreateTokenizer, xFindTokenizer, then xCreateFunction. */
const CREATE_FUNCTION_SLOT = 3;

/** The C functions of the wasm build called at every row, called directly (no argument adapters). */
type Exports = {
  sqlite3_value_double(value: number): number;
  sqlite3_value_text(value: number): number;
  sqlite3_value_bytes(value: number): number;
  sqlite3_result_double(context: number, value: number): void;
};

/**
 * Registers bm25_given() on `db`. Returns what frees its callback and memory, to be called once the
 * connection is closed.
 *
 * It runs once for every candidate row (hundreds a query), so it calls the wasm build's exports
 * and reads its memory directly: sqlite-wasm's wrappers (capi.*, wasm.peek) convert and check
 * every argument, which made each row cost several times what FTS5 spends finding it.
 */
export function installBm25Given(sqlite3: Sqlite3Static, db: Database): () => void {
  const { wasm, capi } = sqlite3;
  // A pointer's size ("*" to sqlite-wasm; the ptrSizeof of its typings is not there in 3.54).
  // The calls below pass pointers as numbers, which is a 32-bit build's way.
  const width = Number(wasm.sizeofIR('*'));
  if (width !== 4) throw new Error(`bm25_given: needs a 32-bit build (pointers of ${width} bytes)`);
  const c = wasm.exports as unknown as Exports;
  const heap32 = () => wasm.heap32() as Int32Array;
  const pointer = (at: number) => heap32()[at >> 2]!;
  // Out-parameters of the API's calls: three ints and one 64-bit integer.
  const scratch = Number(wasm.alloc(32));
  const int0 = scratch;
  const int1 = scratch + 4;
  const int2 = scratch + 8;
  const int64 = scratch + 16;
  /** A non-negative 64-bit integer at `at` (a row count, a token count), as a number. */
  const read64 = (heap: Int32Array, at: number) =>
    (heap[at >> 2]! >>> 0) + (heap[(at >> 2) + 1]! >>> 0) * 2 ** 32;

  // This connection's fts5_api, which FTS5 hands out through `SELECT fts5(?1)` with a pointer to
  // a pointer bound under the type name 'fts5_api_ptr'.
  const apiOut = scratch;
  wasm.poke(apiOut, 0, 'i32');
  const statement = db.prepare('SELECT fts5(?1)');
  try {
    // No destructor: the pointer is only written while the statement steps.
    const rc = capi.sqlite3_bind_pointer(statement.pointer!, 1, apiOut, 'fts5_api_ptr', 0);
    if (rc !== 0) throw new Error(`bm25_given: binding fts5_api_ptr failed (${rc})`);
    statement.step();
  } finally {
    statement.finalize();
  }
  const fts5Api = pointer(apiOut);
  if (!fts5Api) throw new Error('bm25_given: this SQLite has no FTS5');

  // The extension API is one static struct: its members are looked up once.
  const members = new Map<number, Record<ApiMember, (...args: number[]) => number>>();
  const membersOf = (api: number) => {
    let found = members.get(api);
    if (!found) {
      found = Object.fromEntries(
        Object.entries(API_SLOT).map(([name, slot]) => [
          name,
          wasm.functionEntry(pointer(api + slot * width)) as (...args: number[]) => number,
        ]),
      ) as Record<ApiMember, (...args: number[]) => number>;
      members.set(api, found);
    }
    return found;
  };

  // The counts of the last query, parsed once rather than at every row: kept with their bytes,
  // which are compared (a few bytes) instead of decoded at every row.
  let countsBytes = new Uint8Array(0);
  let counts: number[] = [];
  const countsOf = (value: number) => {
    const at = c.sqlite3_value_text(value);
    const length = at ? c.sqlite3_value_bytes(value) : 0;
    const bytes = wasm.heap8u() as Uint8Array;
    let same = length === countsBytes.length;
    for (let i = 0; same && i < length; i += 1) same = bytes[at + i] === countsBytes[i];
    if (!same) {
      countsBytes = bytes.slice(at, at + length);
      counts = new TextDecoder()
        .decode(countsBytes)
        .split(' ')
        .filter(Boolean)
        .map((written) => (written === '*' ? Infinity : Number(written)));
    }
    return counts;
  };
  const weights: number[] = [];
  const frequency: number[] = [];
  const rank = (api: number, fts: number, context: number, count: number, values: number) => {
    try {
      const x = membersOf(api);
      const columns = x.xColumnCount(fts);
      const weighed = Math.min(count, columns);
      for (let i = 0; i < weighed; i += 1) {
        weights[i] = c.sqlite3_value_double(pointer(values + i * width));
      }
      const given = count > columns ? countsOf(pointer(values + columns * width)) : NO_COUNTS;
      check(x.xRowCount(fts, int64));
      const rows = read64(heap32(), int64);
      check(x.xColumnTotalSize(fts, -1, int64));
      const tokens = read64(heap32(), int64);
      const averageLength = rows > 0 ? tokens / rows : 1;
      // How often each phrase occurs in this row, each occurrence weighed by its column.
      frequency.length = 0;
      check(x.xInstCount(fts, int0));
      const instances = heap32()[int0 >> 2]!;
      for (let i = 0; i < instances; i += 1) {
        check(x.xInst(fts, i, int0, int1, int2));
        const heap = heap32();
        const phrase = heap[int0 >> 2]!;
        const column = heap[int1 >> 2]!;
        frequency[phrase] = (frequency[phrase] ?? 0) + (column < weighed ? weights[column]! : 1);
      }
      check(x.xColumnSize(fts, -1, int0));
      const length = heap32()[int0 >> 2]!;
      const norm = K1 * (1 - B + (B * length) / averageLength);
      let score = 0;
      for (let phrase = 0; phrase < frequency.length; phrase += 1) {
        const f = frequency[phrase];
        if (f === undefined) continue;
        const matching = given[phrase];
        // bm25()'s IDF, floored as it floors it for a phrase in more than half the rows.
        const idf =
          matching === undefined
            ? 1
            : matching >= rows
              ? 1e-6
              : Math.max(Math.log((rows - matching + 0.5) / (matching + 0.5)), 0) || 1e-6;
        score += (idf * (f * (K1 + 1))) / (f + norm);
      }
      // Lower is better, as with bm25().
      c.sqlite3_result_double(context, -score);
    } catch (error) {
      capi.sqlite3_result_error(context, String(error), -1);
    }
  };
  const rankPointer = wasm.installFunction('v(ppppp)', rank);
  const name = wasm.allocCString(BM25_GIVEN, false);
  try {
    const createFunction = wasm.functionEntry(pointer(fts5Api + CREATE_FUNCTION_SLOT * width)) as (
      ...args: number[]
    ) => number;
    // FTS5 copies the name; no destructor: the function lives as long as the connection.
    const rc = createFunction(fts5Api, name, 0, rankPointer, 0);
    if (rc !== 0) throw new Error(`bm25_given: xCreateFunction failed (${rc})`);
  } finally {
    wasm.dealloc(name);
  }
  return () => {
    wasm.uninstallFunction(rankPointer);
    wasm.dealloc(scratch);
  };
}

const NO_COUNTS: number[] = [];

function check(rc: number): void {
  if (rc !== 0) throw new Error(`FTS5 extension API call failed (${rc})`);
}
