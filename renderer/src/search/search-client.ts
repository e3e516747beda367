/**
 * The window's side of the search index: one worker (./search.worker.ts) through the app's one
 * typed worker client. The index catches up when the app starts, after every committed write in
 * this window (the change feed's commit signal), and when the window regains focus (another
 * window may have written). Its progress is a tiny store the status line reads.
 */
import { useSyncExternalStore } from 'react';
import { db } from '../db/db';
import { onSearchedWrite } from '../db/search-feed';
import { createWorkerClient } from '../workers/worker-client';
import {
  searchWorkerName,
  type IndexProgress,
  type IndexStats,
  type SearchAnswer,
  type SearchQuery,
  type SearchRequest,
  type SearchResponse,
  type SyncResult,
} from './search-protocol';

export type IndexState =
  | { phase: 'starting' }
  | { phase: 'building'; progress: IndexProgress }
  /** `generation` counts finished catch-ups, so a question asked before the last write is asked again. */
  | { phase: 'ready'; generation: number }
  | { phase: 'failed'; message: string };

const client = createWorkerClient<SearchRequest, SearchResponse, IndexProgress>({
  start: () =>
    new Worker(new URL('./search.worker.ts', import.meta.url), {
      type: 'module',
      name: searchWorkerName(db.name),
    }),
  label: 'the search index',
});

let state: IndexState = { phase: 'starting' };
const watchers = new Set<() => void>();

function setState(next: IndexState) {
  state = next;
  for (const watcher of watchers) watcher();
}

let syncing: Promise<SyncResult> | null = null;
let generation = 0;
let syncAgain = false;

/** Brings the index up to date; calls made while one runs are folded into one more run. */
export function syncSearchIndex(): Promise<SyncResult> {
  if (syncing) {
    syncAgain = true;
    return syncing;
  }
  syncing = (async () => {
    let result: SyncResult;
    do {
      syncAgain = false;
      result = (await client.request(
        { type: 'sync' },
        { onProgress: (progress) => setState({ phase: 'building', progress }) },
      )) as SyncResult;
    } while (syncAgain);
    generation += 1;
    setState({ phase: 'ready', generation });
    return result;
  })();
  return syncing
    .catch((error: unknown) => {
      setState({
        phase: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    })
    .finally(() => {
      syncing = null;
    });
}

let started = false;

/** Starts keeping the index current; called once when the app starts. */
export function startSearchIndex(): void {
  if (started) return;
  started = true;
  const catchUp = () => void syncSearchIndex().catch(() => undefined);
  onSearchedWrite(catchUp);
  window.addEventListener('focus', catchUp);
  catchUp();
}

export function searchIndex(query: SearchQuery, signal?: AbortSignal): Promise<SearchAnswer> {
  // A search asked for before the app started the index (it waits for the first screen) starts it.
  startSearchIndex();
  return client.request({ type: 'search', query }, { signal }) as Promise<SearchAnswer>;
}

export function searchIndexStats(): Promise<IndexStats> {
  return client.request({ type: 'stats' }) as Promise<IndexStats>;
}

export function rebuildSearchIndex(
  strategy: 'memory-then-opfs' | 'straight-to-opfs',
): Promise<SyncResult> {
  return client.request(
    { type: 'rebuild', strategy },
    { onProgress: (progress) => setState({ phase: 'building', progress }) },
  ) as Promise<SyncResult>;
}

export function useIndexState(): IndexState {
  return useSyncExternalStore(
    (watcher) => {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    () => state,
  );
}
