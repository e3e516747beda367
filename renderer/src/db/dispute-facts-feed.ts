/**
 * Keeps the Home dashboard's dispute facts (shared/domain/dispute-facts.ts) from going stale, at
 * the lowest write level there is, as the search feed does (./search-feed.ts): a Dexie DBCore
 * middleware. Every read-write transaction that touches disputes, proceedings or notes also
 * covers `disputeFactsDirty`, and each write there marks, in the same transaction, the disputes
 * whose facts it may change: the dispute written; the dispute a proceeding belongs to, before and
 * after the write; the same for a note, when it carries an amount before or after. A cleared
 * table marks every dispute. So whatever writes (a form, an import, a restore, the sample, the
 * Trash) the mark exists exactly when the write committed, and the dashboard never takes stale
 * facts for current ones (./dispute-facts.ts recomputes the marked disputes before they are read).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { carriesAmount, type DisputeFacts } from '../../../shared/domain/dispute-facts';
import { ALL_DISPUTES } from './migrations/0010-dispute-facts';
import { keysOf } from './search-feed';
import { widenWrites } from './widen-writes';

export const FACTS_DIRTY = 'disputeFactsDirty';

/** The stored facts: one record per bucket of disputes (see ./dispute-facts.ts). */
export type FactsBucket = { bucket: number; facts: DisputeFacts[] };
/**
 * A dispute whose facts may be out of date, or ALL_DISPUTES; `token` is new at every write, so a
 * refresh can tell a mark it has answered from one written again since (./dispute-facts.ts).
 */
export type FactsDirty = { id: string; token?: string };

const session = Math.random().toString(36).slice(2);
let written = 0;
const nextToken = () => `${session}-${(written += 1)}`;

/** The tables the facts are computed from. */
const SOURCES = new Set(['disputes', 'proceedings', 'notes']);

type Row = { disputeId?: unknown; amount?: unknown } | undefined;

/** The dispute a stored proceeding or note counts for, if its writing can change that one's facts. */
function disputeOf(table: string, row: Row): string | undefined {
  if (!row || typeof row.disputeId !== 'string') return undefined;
  if (table === 'notes' && !carriesAmount(row)) return undefined;
  return row.disputeId;
}

type MutateResult = Awaited<ReturnType<DBCoreTable['mutate']>>;

/**
 * Writes `req` through `table` and marks the disputes it may change in `dirty`. Written as
 * `.then` chains on Dexie's own promises, not `await`: Dexie's layers below (its hooks) find the
 * transaction through the promise zone, which a native `await` between two calls can lose.
 */
function writeAndMark(
  name: string,
  table: DBCoreTable,
  dirty: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<MutateResult> {
  const keys = keysOf(table, req);
  const ids = new Set<string>();
  const add = (rows: readonly unknown[]) => {
    for (const row of rows) {
      const id = disputeOf(name, row as Row);
      if (id !== undefined) ids.add(id);
    }
  };
  const mark = (result: MutateResult) =>
    ids.size === 0
      ? result
      : dirty
          .mutate({
            type: 'put',
            trans: req.trans,
            values: [...ids].map((id): FactsDirty => ({ id, token: nextToken() })),
          })
          .then(() => result);
  if (keys === '*' || name === 'disputes') {
    if (keys === '*') ids.add(ALL_DISPUTES);
    else for (const key of keys) ids.add(String(key));
    return table.mutate(req).then(mark);
  }
  if (req.type === 'add' || req.type === 'put') add(req.values);
  const write = (): Promise<MutateResult> =>
    table.mutate(req).then((result) =>
      // A put that only names its changes (Dexie's modify) carries no values: read what it wrote.
      req.type === 'put' && req.values.length === 0 && keys.length > 0
        ? table.getMany({ trans: req.trans, keys }).then((after) => {
            add(after);
            return mark(result);
          })
        : mark(result),
    );
  if (req.type === 'add' || keys.length === 0) return write();
  // What the records were before: a deleted or moved proceeding leaves its old dispute's facts.
  return table.getMany({ trans: req.trans, keys }).then((before) => {
    add(before);
    return write();
  });
}

export const disputeFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'casefile-dispute-facts',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === FACTS_DIRTY)) return down;
    return {
      ...down,
      transaction: widenWrites(down, SOURCES, FACTS_DIRTY),
      table(name) {
        const table = down.table(name);
        if (!SOURCES.has(name)) return table;
        const dirty = down.table(FACTS_DIRTY);
        return {
          ...table,
          mutate: (req) => writeAndMark(name, table, dirty, req),
        };
      },
    };
  },
};
