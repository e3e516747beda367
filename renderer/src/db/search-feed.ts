/**
 * The search index's change feed, at the lowest write level there is: a Dexie DBCore middleware
 * (https://dexie.org/docs/Dexie/Dexie.use()) on the app's database. Whatever writes a searched
 * table (a repository, the Trash, an import, a restore, the sample loader) goes through it, so no
 * screen or future repository can forget to feed the index:
 * - every read-write transaction that touches a searched table also covers `searchOutbox`, and
 *   each add, put or delete records `{ table, key }` there in the same transaction: the entry
 *   exists exactly when the write committed, so a crash loses nothing and the index worker (or
 *   another window's) catches up by reading the outbox; a cleared table records `key: '*'`;
 * - a deadline written with `done` false gets `openDue` (its date), one written done loses it,
 *   so the sparse index of open deadlines (migration 3) cannot disagree with the record;
 * - when such a transaction commits, listeners in this window are told, so the index is updated
 *   at once instead of at the next poll.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { widenWrites } from './widen-writes';
import { openDueOf } from './migrations/0003-search-outbox-open-deadlines';

export const SEARCH_OUTBOX = 'searchOutbox';

/** The tables whose records the search index is built from. */
export const SEARCHED_TABLES = [
  'disputes',
  'organisations',
  'disputeParties',
  'patents',
  'assertions',
  'proceedings',
  'notes',
  'deadlines',
  'documents',
  'documentTexts',
] as const;
export type SearchedTable = (typeof SEARCHED_TABLES)[number];

export type OutboxEntry = { seq?: number; table: SearchedTable; key: string };

const searched = new Set<string>(SEARCHED_TABLES);
const listeners = new Set<() => void>();

/** Calls `listener` after each committed transaction that changed a searched table. */
export function onSearchedWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells this window's listeners that searched tables changed through another connection (the
 * archive worker's restore writes its own outbox entries, in its own transaction): no commit of
 * this window's would tell them.
 */
export function announceSearchedWrite(): void {
  for (const listener of listeners) listener();
}

function notifyOnCommit(trans: DBCoreTransaction) {
  const idb = trans as unknown as IDBTransaction & { casefileSearchNotify?: boolean };
  if (idb.casefileSearchNotify || typeof idb.addEventListener !== 'function') return;
  idb.casefileSearchNotify = true;
  idb.addEventListener('complete', announceSearchedWrite);
}

/** The primary keys a write touches, or '*' when it clears a range (a whole table). */
export function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | '*' {
  if (req.type === 'deleteRange') return '*';
  if (req.type === 'delete') return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  const keys = req.keys ?? (extract ? req.values.map((value) => extract(value)) : []);
  return req.type === 'put' && req.updates ? [...keys, ...req.updates.keys] : keys;
}

function withOpenDue(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  const values = req.values.map((value: Record<string, unknown>) => {
    const due = openDueOf(value);
    if (value.openDue === due) return value;
    const { openDue: _stale, ...rest } = value;
    return due === undefined ? rest : { ...rest, openDue: due };
  });
  return { ...req, values };
}

export const searchFeedMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'casefile-search-feed',
  create(down) {
    const hasOutbox = down.schema.tables.some((t) => t.name === SEARCH_OUTBOX);
    if (!hasOutbox) return down;
    return {
      ...down,
      transaction: widenWrites(down, searched, SEARCH_OUTBOX),
      table(name) {
        const table = down.table(name);
        if (!searched.has(name)) return table;
        const outbox = down.table(SEARCH_OUTBOX);
        return {
          ...table,
          async mutate(req) {
            const request = name === 'deadlines' ? withOpenDue(req) : req;
            const result = await table.mutate(request);
            const keys = keysOf(table, request);
            const entries: OutboxEntry[] =
              keys === '*'
                ? [{ table: name as SearchedTable, key: '*' }]
                : keys.map((key) => ({ table: name as SearchedTable, key: String(key) }));
            if (entries.length > 0) {
              await outbox.mutate({ type: 'add', trans: req.trans, values: entries });
              notifyOnCommit(req.trans);
            }
            return result;
          },
        };
      },
    };
  },
};
