import type { DBCore } from 'dexie';

/**
 * A DBCore `transaction` that also covers `side` whenever a read-write transaction touches one of
 * `sources`: what a middleware records beside a write (the search outbox, the dispute facts'
 * marks) is then written in the same transaction, so it exists exactly when the write committed.
 */
export function widenWrites(
  down: DBCore,
  sources: ReadonlySet<string>,
  side: string,
): DBCore['transaction'] {
  return (stores, mode, options) =>
    down.transaction(
      mode === 'readwrite' && stores.some((s) => sources.has(s)) && !stores.includes(side)
        ? [...stores, side]
        : stores,
      mode,
      options,
    );
}
