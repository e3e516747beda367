/**
 * The stored dispute facts (migration 10): read them whole, and bring the marked ones up to date.
 * Facts are derived data, never a second source of truth: a dispute marked dirty by the write
 * path (./dispute-facts-feed.ts) is recomputed from its own records, and "every dispute" (a
 * database written by an older version, a cleared table, or many marks at once) rebuilds them
 * all. The recomputation runs in one read-write transaction over the source tables too, so no
 * write can slip between reading the records and clearing their marks.
 */
import { allFactsOf, carriesAmount, type DisputeFacts } from '../../../shared/domain/dispute-facts';
import type { CasefileDb } from './casefile-db';
import type { FactsBucket } from './dispute-facts-feed';
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

async function rebuildAll(db: CasefileDb): Promise<void> {
  const [disputes, proceedings, notes] = await Promise.all([
    db.disputes.toArray(),
    db.proceedings.toArray(),
    // Only notes with an amount can count, and the sparse index holds only those.
    db.notes.where('amount').aboveOrEqual(-Infinity).toArray(),
  ]);
  const buckets = byBucket(allFactsOf(disputes, proceedings, notes));
  await db.disputeFacts.clear();
  await db.disputeFacts.bulkPut([...buckets].map(([bucket, facts]) => ({ bucket, facts })));
  await db.disputeFactsDirty.clear();
}

async function recompute(db: CasefileDb, ids: string[]): Promise<void> {
  const [disputes, proceedings, notes] = await Promise.all([
    db.disputes.bulkGet(ids),
    db.proceedings.where('disputeId').anyOf(ids).toArray(),
    db.notes.where('disputeId').anyOf(ids).toArray(),
  ]);
  const fresh = byBucket(
    allFactsOf(
      disputes.filter((d) => d !== undefined),
      proceedings,
      notes.filter(carriesAmount),
    ),
  );
  const touched = [...new Set(ids.map(bucketOf))];
  const stored = await db.disputeFacts.bulkGet(touched);
  const gone = new Set(ids);
  await db.disputeFacts.bulkPut(
    touched.map((bucket, i) => ({
      bucket,
      facts: [
        ...(stored[i]?.facts ?? []).filter((f) => !gone.has(f.id)),
        ...(fresh.get(bucket) ?? []),
      ],
    })),
  );
  await db.disputeFactsDirty.bulkDelete(ids);
}

const running = new WeakMap<CasefileDb, Promise<void>>();

/**
 * Recomputes the facts of every marked dispute. One run at a time per window; runs from two
 * windows queue on the transaction, and the second finds nothing marked.
 */
export function refreshDisputeFacts(db: CasefileDb): Promise<void> {
  const pending = running.get(db);
  if (pending) return pending;
  const run = db
    .transaction(
      'rw',
      [db.disputeFactsDirty, db.disputeFacts, db.disputes, db.proceedings, db.notes],
      async () => {
        const ids = (await db.disputeFactsDirty.toCollection().primaryKeys()) as string[];
        if (ids.includes(ALL_DISPUTES) || ids.length > REBUILD_ABOVE) await rebuildAll(db);
        else if (ids.length > 0) await recompute(db, ids);
        // Unmarked but not one fact per dispute (see readDisputeFacts): rebuild.
        else if (factCount(await db.disputeFacts.toArray()) !== (await db.disputes.count())) {
          await rebuildAll(db);
        }
      },
    )
    .finally(() => running.delete(db));
  running.set(db, run);
  return run;
}
