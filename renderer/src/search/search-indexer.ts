/**
 * Keeps the index in step with the database, in the search worker. Dexie is the source of truth;
 * the index is derived from it and never trusted beyond what the outbox says:
 * - an index that is missing, of an older format, or told by the outbox that a whole table was
 *   replaced (a restore clears tables) is rebuilt from every record, in batches, reporting
 *   progress; searches are answered meanwhile from what is indexed so far;
 * - otherwise the outbox (../db/search-feed.ts) lists what changed since: each entry's records are
 *   read again and their rows replaced (or removed when the record is gone), then the entries are
 *   deleted. An entry is removed only after its rows are committed, so a crash repeats work and
 *   never skips it.
 */
import type { Table } from 'dexie';
import { parseQuery } from '../../../shared/search/query';
import { snippetOf } from '../../../shared/search/snippet';
import { DATABASE_NAME, type CasefileDb } from '../db/casefile-db';
import { INDEX_FORMAT, type IndexGroup, type SearchIndex } from './search-index';
import {
  SEARCH_KINDS,
  affectedKeys,
  deadlineItem,
  disputeItem,
  documentItems,
  loadItems,
  noteItem,
  shownItems,
  partyItem,
  patentItem,
  proceedingItem,
  type IndexItem,
} from './search-items';
import type {
  BuildStrategy,
  CompactResult,
  IndexProgress,
  IndexStats,
  SearchAnswer,
  SearchHit,
  SearchQuery,
  SyncResult,
} from './search-protocol';

/** Where the index lives: OPFS in the app, memory where OPFS is missing (tests, Node). */
export type IndexStorage = {
  persisted: boolean;
  /** The stored index (empty when there is none yet). */
  openCurrent(): SearchIndex;
  /** An empty index to build into; `commit` makes it the stored one and returns it open. */
  startFresh(strategy: BuildStrategy, current: SearchIndex): Promise<FreshIndex>;
  sizeOf(index: SearchIndex): number;
};
export type FreshIndex = { index: SearchIndex; commit(): Promise<SearchIndex> };

const BATCH = 500;
/**
 * Pages one merge step writes: ~25-35 ms in Node on the bench's index, so a query asked meanwhile
 * waits for one step at most (a step can run longer: FTS5 checks its budget after each word, and
 * a common word's list is many pages).
 */
const MERGE_PAGES = 64;
/**
 * The meta key naming the database the index was built from. The window opens another database
 * once a damaged one was kept aside (../db/database-recovery.ts); an index of the old one must not
 * answer for the new one. Indexes built before this key existed were all built from "casefile".
 */
const DATABASE = 'database';
const builtFrom = (index: SearchIndex) => index.meta(DATABASE) ?? DATABASE_NAME;
/** The meta key saying the index's segments were merged once (a new build clears meta). */
const MERGED = 'merged';
const yieldToQueries = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * One turn between a query's kinds, for a cancel already queued to be read first. A message
 * rather than setTimeout, which waits at least 4 ms once five are nested, as a query's kinds are.
 */
const nextTurn = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

export class SearchIndexer {
  private current: SearchIndex;
  private building: IndexProgress | null = null;
  private running: Promise<SyncResult> | null = null;
  private again = false;
  private forceRebuild: BuildStrategy | null = null;
  private lastBuild: IndexStats['lastBuild'] = null;
  private compacting: Promise<CompactResult> | null = null;
  /** The index a catch-up last readied for queries (SearchIndex.warm): once per index opened. */
  private warmed: SearchIndex | null = null;
  /**
   * The last outbox entry this index has applied. Only a persisted index consumes (deletes) the
   * outbox: an index held in memory (OPFS taken by another window) reads past what it has seen
   * and leaves the entries for the persisted one, which would otherwise never learn of them.
   */
  private appliedSeq = 0;

  constructor(
    private readonly db: CasefileDb,
    private readonly storage: IndexStorage,
    // Chosen by measurement (npm run bench -- --only search): on this project's machines writing
    // straight onto OPFS was faster (187 s vs 324 s for 293 MB of text; 7.7 s vs 13.9 s for
    // 15 MB) and never holds a second, in-memory copy of the index.
    private readonly defaultStrategy: BuildStrategy = 'straight-to-opfs',
  ) {
    this.current = storage.openCurrent();
  }

  /** Brings the index up to date; concurrent calls share one run that repeats until caught up. */
  sync(onProgress?: (progress: IndexProgress) => void): Promise<SyncResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      const started = performance.now();
      let indexedKeys = 0;
      let rebuilt = false;
      do {
        this.again = false;
        const result = await this.catchUp(onProgress);
        indexedKeys += result.indexedKeys;
        rebuilt ||= result.rebuilt;
      } while (this.again);
      return { indexedKeys, rebuilt, ms: performance.now() - started };
    })();
    this.running = run;
    return run.finally(() => {
      this.running = null;
      if (this.warmed !== this.current) {
        this.warmed = this.current;
        try {
          this.current.warm();
        } catch {
          // Only a head start for the first query: that query reports what is wrong, if anything.
        }
      }
      // Once caught up, a stored index not yet merged is merged, step by step (see compact).
      if (this.storage.persisted) void this.compact().catch(() => undefined);
    });
  }

  /**
   * Merges each kind's segments into one, once per index (recorded in its meta, which a new build
   * clears), a step at a time with a turn between steps, so a query or a write asked meanwhile
   * waits for one step, not for the whole merge (tens of seconds at 100,000 pages). A bulk build
   * leaves each kind in 10-15 segments; every query reads each of them. Concurrent calls share one
   * run; it stops when a build replaces the index, whose end starts it again.
   */
  compact(): Promise<CompactResult> {
    this.compacting ??= this.mergeSegments().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private async mergeSegments(): Promise<CompactResult> {
    const started = performance.now();
    const index = this.current;
    let steps = 0;
    const result = () => ({ steps, ms: performance.now() - started });
    if (this.building || this.running || index.meta(MERGED) === INDEX_FORMAT) return result();
    for (const kind of SEARCH_KINDS) {
      for (;;) {
        await yieldToQueries();
        // A build replaced (and closed) this index meanwhile, or is filling it: stop here.
        if (this.current !== index || this.building) return result();
        if (!index.mergeStep(kind, MERGE_PAGES)) break;
        steps += 1;
      }
    }
    index.setMeta(MERGED, INDEX_FORMAT);
    return result();
  }

  /** Rebuilds from every record (the bench measures both strategies this way). */
  rebuild(strategy: BuildStrategy, onProgress?: (progress: IndexProgress) => void) {
    this.forceRebuild = strategy;
    return this.sync(onProgress);
  }

  stats(): IndexStats {
    return {
      items: this.current.itemCount(),
      persisted: this.storage.persisted,
      bytes: this.storage.sizeOf(this.current),
      lastBuild: this.lastBuild,
      building: this.building,
    };
  }

  private async catchUp(onProgress?: (progress: IndexProgress) => void) {
    const needsBuild =
      this.forceRebuild !== null ||
      this.current.meta('format') !== INDEX_FORMAT ||
      this.current.meta('built') !== 'complete' ||
      builtFrom(this.current) !== this.db.name ||
      (await this.db.searchOutbox
        .where('seq')
        .above(this.appliedSeq)
        .filter((e) => e.key === '*')
        .count()) > 0;
    if (needsBuild) {
      const strategy = this.forceRebuild ?? this.defaultStrategy;
      this.forceRebuild = null;
      const items = await this.build(strategy, onProgress);
      return { indexedKeys: items, rebuilt: true };
    }
    return { indexedKeys: await this.drainOutbox(), rebuilt: false };
  }

  private async drainOutbox(): Promise<number> {
    let total = 0;
    for (;;) {
      const entries = await this.db.searchOutbox
        .where('seq')
        .above(this.appliedSeq)
        .limit(BATCH)
        .toArray();
      if (entries.length === 0) return total;
      const keys = new Set<string>();
      for (const entry of entries) {
        for (const key of await affectedKeys(this.db, entry.table, entry.key)) keys.add(key);
      }
      const disputes = entries.filter((e) => e.table === 'disputes').map((e) => e.key);
      const loaded = await Promise.all([...keys].map((key) => loadItems(this.db, key)));
      const disputeRows = await this.db.disputes.bulkGet(disputes);
      this.current.transaction(() => {
        [...keys].forEach((key, index) => {
          this.current.remove(key);
          this.current.add(loaded[index]!);
        });
        disputes.forEach((id, index) => {
          const row = disputeRows[index];
          if (row) this.current.setDispute(row.id, row.title, row.status);
          else this.current.removeDispute(id);
        });
      });
      const lastSeq = entries[entries.length - 1]!.seq!;
      this.appliedSeq = lastSeq;
      if (this.storage.persisted) {
        await this.db.searchOutbox.where('seq').belowOrEqual(lastSeq).delete();
      }
      total += keys.size;
    }
  }

  private async build(
    strategy: BuildStrategy,
    onProgress?: (progress: IndexProgress) => void,
  ): Promise<number> {
    const started = performance.now();
    const db = this.db;
    // Entries up to here are covered by reading every record; later ones are replayed after.
    const lastEntry = await db.searchOutbox.orderBy('seq').last();
    const counts = await Promise.all([
      db.disputes.count(),
      db.disputeParties.count(),
      db.assertions.count(),
      db.proceedings.count(),
      db.notes.count(),
      db.deadlines.count(),
      db.documents.count(),
    ]);
    const progress: IndexProgress = { done: 0, total: counts.reduce((a, b) => a + b, 0) };
    this.building = progress;
    onProgress?.({ ...progress });
    const fresh = await this.storage.startFresh(strategy, this.current);
    const target = fresh.index;
    // Searches answer from the new index as it fills: after a restore the old one is wrong.
    this.current = target;
    let items = 0;
    const write = async (batch: IndexItem[], records: number) => {
      target.transaction(() => target.add(batch));
      items += batch.length;
      progress.done += records;
      onProgress?.({ ...progress });
      await yieldToQueries();
    };
    try {
      await eachPage(db.disputes, async (rows) => {
        target.transaction(() => {
          for (const d of rows) target.setDispute(d.id, d.title, d.status);
        });
        await write(rows.map(disputeItem), rows.length);
      });
      const organisations = new Map((await db.organisations.toArray()).map((o) => [o.id, o]));
      await eachPage(db.disputeParties, (rows) =>
        write(
          rows.map((p) => partyItem(p, organisations.get(p.organisationId))),
          rows.length,
        ),
      );
      organisations.clear();
      const patents = new Map((await db.patents.toArray()).map((p) => [p.id, p]));
      await eachPage(db.assertions, (rows) =>
        write(
          rows.map((a) => patentItem(a, patents.get(a.patentId))),
          rows.length,
        ),
      );
      patents.clear();
      await eachPage(db.proceedings, (rows) => write(rows.map(proceedingItem), rows.length));
      await eachPage(db.notes, (rows) => write(rows.map(noteItem), rows.length));
      await eachPage(db.deadlines, (rows) => write(rows.map(deadlineItem), rows.length));
      await eachPage(
        db.documents,
        async (rows) => {
          const texts = await db.documentTexts.bulkGet(rows.map((d) => d.sha256));
          await write(
            rows.flatMap((d, i) => documentItems(d, texts[i]?.pages ?? [])),
            rows.length,
          );
        },
        50,
      );
      target.setMeta('format', INDEX_FORMAT);
      target.setMeta('built', 'complete');
      target.setMeta(DATABASE, db.name);
      this.current = await fresh.commit();
    } finally {
      this.building = null;
    }
    if (lastEntry?.seq !== undefined) {
      this.appliedSeq = Math.max(this.appliedSeq, lastEntry.seq);
      if (this.storage.persisted) {
        await db.searchOutbox.where('seq').belowOrEqual(lastEntry.seq).delete();
      }
    }
    this.lastBuild = { strategy, ms: performance.now() - started, items };
    return items;
  }

  async search(request: SearchQuery, signal?: AbortSignal): Promise<SearchAnswer> {
    // One turn of the event loop first: a cancel for this query (the next keystroke overtook it)
    // waits behind it in the worker's queue, and a dropped query costs nothing.
    await yieldToQueries();
    const dropped = { groups: [], building: null, tookMs: 0, queryMs: 0 };
    if (signal?.aborted) return dropped;
    const started = performance.now();
    const parsed = parseQuery(request.query, { typing: request.typing });
    const options = {
      kinds: request.kinds,
      statuses: request.statuses,
      disputeId: request.disputeId,
      perKind: request.perKind,
    };
    const groups: IndexGroup[] = [];
    // Each kind's shown records are read from Dexie as soon as its hits are known: the database
    // answers in the browser's own threads while the next kind's statement runs here.
    const reading: Promise<(IndexItem | undefined)[]>[] = [];
    const drop = () => {
      // Reads already asked for settle unobserved rather than as unhandled rejections.
      void Promise.allSettled(reading);
      return dropped;
    };
    for (const [at, kind] of this.current.kindsToAnswer(options).entries()) {
      // Between kinds, one more turn: a statement cannot be stopped once it runs, so a query the
      // next keystroke has overtaken stops after the kind it is on, not after every kind.
      if (at > 0) {
        await nextTurn();
        if (signal?.aborted) return drop();
      }
      const group = this.current.queryKind(kind, parsed.match, options);
      if (!group) continue;
      groups.push(group);
      if (!request.withoutSnippets) reading.push(shownItems(this.db, group.hits));
    }
    const queryMs = performance.now() - started;
    const building = this.building && { ...this.building };
    if (request.withoutSnippets) {
      const bare = groups.map((g) => ({ ...g, hits: g.hits.map((h) => ({ ...h, snippet: [] })) }));
      return { groups: bare, building, tookMs: queryMs, queryMs };
    }
    if (signal?.aborted) return drop();
    const items = (await Promise.all(reading)).flat();
    let at = 0;
    const withSnippets = groups.map((group) => ({
      ...group,
      hits: group.hits.map((hit): SearchHit => {
        const item = items[at++];
        return { ...hit, snippet: item ? snippetOf(item.body || item.title, parsed) : [] };
      }),
    }));
    return { groups: withSnippets, building, tookMs: performance.now() - started, queryMs };
  }
}

/** Walks a table in primary-key order, `size` records at a time, without holding it all. */
async function eachPage<R extends { id: string }>(
  table: Table<R, string>,
  handle: (rows: R[]) => Promise<void>,
  size = BATCH,
): Promise<void> {
  let rows = await table.orderBy(':id').limit(size).toArray();
  while (rows.length > 0) {
    await handle(rows);
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!.id;
    rows = await table.where(':id').above(last).limit(size).toArray();
  }
}
