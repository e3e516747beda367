/**
 * The stored dispute facts (migration 10): read them whole, and bring the marked ones up to date.
 * Facts are derived data, never a second source of truth: a dispute marked dirty by the write
 * path (./dispute-facts-feed.ts) is recomputed from its own records, and "every dispute" (a
 * database written by an older version, a cleared table, or many marks at once) rebuilds them
 * all. The records are read in a read-only transaction (so a refresh neither waits for long
 * readers such as the search index nor holds up writers), and a mark is cleared only if it still
 * carries the token it had when they were read: a write in between leaves its mark for the next
 * refresh.
 */
import type { Table } from 'dexie';
import { allFactsOf, carriesAmount, type DisputeFacts } from '../../../shared/domain/dispute-facts';
import type { CasefileDb } from './casefile-db';
import type { FactsBucket, FactsDirty } from './dispute-facts-feed';
import { ALL_DISPUTES } from './migrations/0010-dispute-facts';

/** Facts are stored in this many records: few enough to read at once, small enough to rewrite. */
export const FACTS_BUCKETS = 64;
/** Beyond this many marked disputes, reading whole tables once beats reading each dispute's. */
const REBUILD_ABOVE = 500;

/** A dispute's bucket: a string hash of its id, so each dispute always lands in the same one. */
export function bucketOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return (hash >>> 0) % FACTS_BUCKETS;
}

export type StoredFacts =
  | { current: true; facts: DisputeFacts[] }
  /** `rebuilding`: every dispute's facts are to be computed (the first time after an update). */
  | { current: false; rebuilding: boolean };

const factCount = (buckets: FactsBucket[]) => buckets.reduce((n, b) => n + b.facts.length, 0);

/**
 * The stored facts, or that some are out of date (then call `refreshDisputeFacts`). Besides the
 * marks, one fact per dispute is checked by counting the disputes' keys (a few milliseconds): a
 * case file whose disputes were written past this app's write path (a bench seed, a tool) has
 * no marks, and must not show figures without its disputes.
 */
export async function readDisputeFacts(db: CasefileDb): Promise<StoredFacts> {
  return db.transaction('r', [db.disputeFactsDirty, db.disputeFacts, db.disputes], async () => {
    const [dirty, buckets, disputes] = await Promise.all([
      db.disputeFactsDirty.count(),
      db.disputeFacts.toArray(),
      db.disputes.count(),
    ]);
    if (dirty > 0) {
      const all = (await db.disputeFactsDirty.get(ALL_DISPUTES)) !== undefined;
      return { current: false, rebuilding: all || dirty > REBUILD_ABOVE };
    }
    if (factCount(buckets) !== disputes) return { current: false, rebuilding: true };
    return { current: true, facts: buckets.flatMap((b) => b.facts) };
  });
}

function byBucket(facts: DisputeFacts[]): Map<number, FactsBucket['facts']> {
  const buckets = new Map<number, DisputeFacts[]>();
  for (const fact of facts) {
    const bucket = bucketOf(fact.id);
    const list = buckets.get(bucket);
    if (list) list.push(fact);
    else buckets.set(bucket, [fact]);
  }
  return buckets;
}

/** What a refresh computed, and the marks it answers. */
type Computed = { marks: FactsDirty[]; all: boolean; facts: DisputeFacts[] };

/** How far a rebuild of every dispute's facts is: records read, of how many. */
export type RebuildProgress = { done: number; total: number };

export type RefreshOptions = {
  /** Told after each page of a rebuild of every dispute's facts (not for a few marked ones). */
  onProgress?: (progress: RebuildProgress) => void;
  /** Stops a rebuild between two pages; the refresh then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Records read per transaction in a rebuild (tests make it small, to cross their writes). */
  pageSize?: number;
};

/** Records per read in a rebuild: each page is one short task, so the window keeps answering. */
const REBUILD_PAGE = 2_000;

/**
 * Every dispute's facts, read a page at a time, each page in its own read-only transaction. Not
 * one consistent read, and need not be: the marks were read before the first page, so anything
 * written meanwhile has a mark of its own (or a new token) that this run does not clear, and
 * is computed again by the next. Disputes and proceedings are paged by key; the notes with an
 * amount are read at once (see below).
 */
async function readEverything(db: CasefileDb, options: RefreshOptions): Promise<DisputeFacts[]> {
  const size = options.pageSize ?? REBUILD_PAGE;
  const [disputeCount, proceedingCount, noteCount] = await db.transaction(
    'r',
    [db.disputes, db.proceedings, db.notes],
    () =>
      Promise.all([
        db.disputes.count(),
        db.proceedings.count(),
        db.notes.where('amount').aboveOrEqual(-Infinity).count(),
      ]),
  );
  const progress = { done: 0, total: disputeCount + proceedingCount + noteCount };
  const step = (count: number) => {
    options.signal?.throwIfAborted();
    progress.done = Math.min(progress.total, progress.done + count);
    options.onProgress?.({ ...progress });
  };
  options.onProgress?.({ ...progress });
  const byKey = async <Row extends { id: string }>(table: Table<Row, string>): Promise<Row[]> => {
    const rows: Row[] = [];
    for (;;) {
      const last = rows[rows.length - 1]?.id;
      const page = await (
        last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
      )
        .limit(size)
        .toArray();
      rows.push(...page);
      step(page.length);
      if (page.length < size) return rows;
    }
  };
  // The three stores are read side by side (IndexedDB reads them off the window's thread). The
  // notes with an amount come in one read of the sparse index: paged by offset, a note deleted
  // meanwhile would shift the next page past one never read (and unmarked); fetched by their keys
  // a page at a time, it was one request a note and took longer than all the rest.
  const [disputes, proceedings, notes] = await Promise.all([
    byKey(db.disputes),
    byKey(db.proceedings),
    db.notes
      .where('amount')
      .aboveOrEqual(-Infinity)
      .toArray()
      .then((rows) => {
        step(rows.length);
        return rows;
      }),
  ]);
  return allFactsOf(disputes, proceedings, notes.filter(carriesAmount));
}

/**
 * Reads and computes, in read-only transactions: writers are not held up meanwhile. A few marked
 * disputes are read in one; every dispute is read a page at a time (`readEverything`).
 */
async function compute(db: CasefileDb, options: RefreshOptions): Promise<Computed | null> {
  const found = await db.transaction(
    'r',
    [db.disputeFactsDirty, db.disputeFacts, db.disputes, db.proceedings, db.notes],
    async () => {
      const marks = await db.disputeFactsDirty.toArray();
      const ids = marks.map((m) => m.id);
      // Unmarked but not one fact per dispute (see readDisputeFacts): every dispute.
      const uncounted =
        marks.length === 0 &&
        factCount(await db.disputeFacts.toArray()) !== (await db.disputes.count());
      if (ids.includes(ALL_DISPUTES) || ids.length > REBUILD_ABOVE || uncounted)
        return { marks, all: true as const };
      if (ids.length === 0) return null;
      const [disputes, proceedings, notes] = await Promise.all([
        db.disputes.bulkGet(ids),
        db.proceedings.where('disputeId').anyOf(ids).toArray(),
        db.notes.where('disputeId').anyOf(ids).toArray(),
      ]);
      const facts = allFactsOf(
        disputes.filter((d) => d !== undefined),
        proceedings,
        notes.filter(carriesAmount),
      );
      return { marks, all: false, facts };
    },
  );
  if (found?.all !== true) return found;
  return { marks: found.marks, all: true, facts: await readEverything(db, options) };
}

/**
 * Stores what `compute` found and clears the marks it answered. A mark written again since (a
 * new token: the dispute changed after the read) stays, so that dispute is computed once more.
 */
async function store(db: CasefileDb, { marks, all, facts }: Computed): Promise<void> {
  await db.transaction('rw', [db.disputeFactsDirty, db.disputeFacts], async () => {
    const now = await db.disputeFactsDirty.bulkGet(marks.map((m) => m.id));
    const answered = marks.filter((m, i) => now[i] !== undefined && now[i].token === m.token);
    const fresh = byBucket(facts);
    if (all) {
      await db.disputeFacts.clear();
      await db.disputeFacts.bulkPut([...fresh].map(([bucket, list]) => ({ bucket, facts: list })));
    } else {
      const ids = new Set(marks.map((m) => m.id));
      const touched = [...new Set([...ids].map(bucketOf))];
      const stored = await db.disputeFacts.bulkGet(touched);
      await db.disputeFacts.bulkPut(
        touched.map((bucket, i) => ({
          bucket,
          facts: [
            ...(stored[i]?.facts ?? []).filter((f) => !ids.has(f.id)),
            ...(fresh.get(bucket) ?? []),
          ],
        })),
      );
    }
    await db.disputeFactsDirty.bulkDelete(answered.map((m) => m.id));
  });
}

const running = new WeakMap<
  CasefileDb,
  { run: Promise<void>; listeners: Set<(progress: RebuildProgress) => void> }
>();

/**
 * Recomputes the facts of every marked dispute. One run at a time per window (a second caller
 * joins the running one and hears its progress; the run stops only on its starter's signal);
 * runs from two windows each store what they read, and a mark is cleared only by a run that
 * read after it.
 */
export function refreshDisputeFacts(db: CasefileDb, options: RefreshOptions = {}): Promise<void> {
  const pending = running.get(db);
  if (pending) {
    if (options.onProgress) pending.listeners.add(options.onProgress);
    return pending.run;
  }
  const listeners = new Set(options.onProgress ? [options.onProgress] : []);
  const onProgress = (progress: RebuildProgress) => {
    for (const listener of listeners) listener(progress);
  };
  const run = compute(db, { ...options, onProgress })
    .then((computed) => (computed ? store(db, computed) : undefined))
    .finally(() => running.delete(db));
  running.set(db, { run, listeners });
  return run;
}
