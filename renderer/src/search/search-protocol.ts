/** What the page asks of the search worker and what it answers (over ../workers/worker-client). */
import type { SnippetSegment } from '../../../shared/search/snippet';
import type { IndexHit } from './search-index';
import type { SearchKind } from './search-items';

export type SearchQuery = {
  query: string;
  kinds?: SearchKind[];
  statuses?: string[];
  /** Only this dispute's things (a dispute's own Documents filter). */
  disputeId?: string;
  /** Hits per kind. */
  perKind: number;
  /** Still typing: the last word is a prefix. */
  typing: boolean;
  /** Only which records match (a list's filter), no snippets to cut. */
  withoutSnippets?: boolean;
};

/** How the bulk build writes the index: built in memory then written in one piece, or in place. */
export type BuildStrategy = 'memory-then-opfs' | 'straight-to-opfs';

/**
 * The worker's name says which database it indexes: the window's, which is another than
 * "casefile" once a damaged one was kept aside (../db/database-recovery.ts). A name rather than a
 * first request, so a worker that the client starts again after a failure knows it too.
 */
const WORKER_NAME_PREFIX = 'search index of ';

export function searchWorkerName(database: string): string {
  return `${WORKER_NAME_PREFIX}${database}`;
}

/** The database a search worker named by `searchWorkerName` indexes (the default otherwise). */
export function databaseOfSearchWorker(name: string, fallback: string): string {
  return name.startsWith(WORKER_NAME_PREFIX) ? name.slice(WORKER_NAME_PREFIX.length) : fallback;
}

export type SearchRequest =
  | { type: 'sync' }
  | { type: 'search'; query: SearchQuery }
  | { type: 'rebuild'; strategy?: BuildStrategy }
  | { type: 'stats' }
  /** Merges the index's segments if that was not done yet (see SearchIndexer.compact). */
  | { type: 'compact' };

export type IndexProgress = { done: number; total: number };

export type SearchHit = IndexHit & { snippet: SnippetSegment[] };
export type SearchGroup = { kind: SearchKind; total: number; capped: boolean; hits: SearchHit[] };

export type SearchAnswer = {
  groups: SearchGroup[];
  /** Set while the index is still being built: the answer covers only what is indexed so far. */
  building: IndexProgress | null;
  /** Time spent in the worker, for the bench. */
  tookMs: number;
  queryMs: number;
};

export type IndexStats = {
  items: number;
  persisted: boolean;
  /** Size of the index database in bytes. */
  bytes: number;
  lastBuild: { strategy: BuildStrategy; ms: number; items: number } | null;
  building: IndexProgress | null;
};

export type SyncResult = { indexedKeys: number; rebuilt: boolean; ms: number };

/** `steps` merge steps were taken (0: already merged, or a build is under way). */
export type CompactResult = { steps: number; ms: number };

export type SearchResponse = SyncResult | SearchAnswer | IndexStats | CompactResult;
