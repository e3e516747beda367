/// <reference lib="webworker" />
/**
 * The search index's worker: SQLite FTS5 (@sqlite.org/sqlite-wasm) on the `opfs-sahpool` VFS,
 * which keeps the index in the origin-private file system with synchronous access handles (no
 * SharedArrayBuffer, so no cross-origin isolation is needed). The worker reads Dexie itself, so
 * neither building nor updating the index costs the window's thread anything. Where OPFS cannot
 * be opened (another window holds the pool, a browser without it) the index lives in memory and
 * is rebuilt at each start: slower to start, never wrong.
 */
import sqlite3InitModule, { type Database, type Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { CasefileDb, DATABASE_NAME } from '../db/casefile-db';
import { serveRequests, type WorkerScope } from '../workers/worker-serve';
import { SearchIndex } from './search-index';
import { SearchIndexer, type IndexStorage } from './search-indexer';
import {
  databaseOfSearchWorker,
  type IndexProgress,
  type SearchRequest,
  type SearchResponse,
} from './search-protocol';

const INDEX_FILE = '/casefile-search.sqlite3';

function tune(db: Database): Database {
  db.exec('PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;');
  return db;
}

function memoryStorage(sqlite3: Sqlite3Static): IndexStorage {
  return {
    persisted: false,
    openCurrent: () => new SearchIndex(tune(new sqlite3.oo1.DB(':memory:')), sqlite3),
    startFresh: async (_strategy, current) => {
      current.close();
      const index = new SearchIndex(tune(new sqlite3.oo1.DB(':memory:')), sqlite3);
      return { index, commit: async () => index };
    },
    sizeOf: (index) => pageBytes(index),
  };
}

function pageBytes(index: SearchIndex): number {
  const count = Number(index.db.selectValue('PRAGMA page_count') ?? 0);
  const size = Number(index.db.selectValue('PRAGMA page_size') ?? 0);
  return count * size;
}

async function opfsStorage(sqlite3: Sqlite3Static): Promise<IndexStorage> {
  const pool = await sqlite3.installOpfsSAHPoolVfs({
    name: 'casefile-search',
    initialCapacity: 6,
  });
  const open = () => new SearchIndex(tune(new pool.OpfsSAHPoolDb(INDEX_FILE)), sqlite3);
  return {
    persisted: true,
    openCurrent: open,
    startFresh: async (strategy, current) => {
      if (strategy === 'straight-to-opfs') {
        current.close();
        pool.unlink(INDEX_FILE);
        const index = open();
        return { index, commit: async () => index };
      }
      const index = new SearchIndex(tune(new sqlite3.oo1.DB(':memory:')), sqlite3);
      return {
        index,
        commit: async () => {
          const bytes = sqlite3.capi.sqlite3_js_db_export(index.db);
          index.close();
          current.close();
          await pool.importDb(INDEX_FILE, bytes);
          return open();
        },
      };
    },
    sizeOf: (index) => pageBytes(index),
  };
}

async function start(): Promise<SearchIndexer> {
  const sqlite3 = await sqlite3InitModule();
  let storage: IndexStorage;
  try {
    storage = await opfsStorage(sqlite3);
  } catch {
    storage = memoryStorage(sqlite3);
  }
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  return new SearchIndexer(
    new CasefileDb(databaseOfSearchWorker(scope.name, DATABASE_NAME)),
    storage,
  );
}

const indexer = start();

serveRequests<SearchRequest, SearchResponse, IndexProgress>(
  self as unknown as WorkerScope,
  async (request, context) => {
    const ready = await indexer;
    switch (request.type) {
      case 'sync':
        return ready.sync(context.progress);
      case 'search':
        return ready.search(request.query, context.signal);
      case 'rebuild':
        return ready.rebuild(request.strategy ?? 'straight-to-opfs', context.progress);
      case 'stats':
        return ready.stats();
      case 'compact':
        return ready.compact();
    }
  },
);
