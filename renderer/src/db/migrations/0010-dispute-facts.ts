/**
 * Version 10: the Home dashboard's summary of the disputes (shared/domain/dispute-facts.ts).
 * - `disputeFacts`: the facts of every dispute, kept in a few dozen buckets keyed by a hash of the
 *   dispute's id, so the dashboard reads a few dozen records instead of every dispute, proceeding
 *   and note (IndexedDB's cost is per record read, not per byte).
 * - `disputeFactsDirty`: the ids of disputes whose facts may be out of date, written by the write
 *   path in the same transaction as the change (../dispute-facts-store.ts), or `'*'` for "all".
 * A database written by an older version has no facts yet: the upgrade marks them all out of date,
 * and they are built the first time the dashboard needs them. Shipped once released; never edit.
 */
import type { Dexie, Transaction } from 'dexie';

export const DISPUTE_FACTS_PREVIOUS_VERSION = 9;
export const DISPUTE_FACTS_VERSION = 10;
/** The dirty mark that stands for every dispute. */
export const ALL_DISPUTES = '*';

export default function version10(db: Dexie): void {
  db.version(DISPUTE_FACTS_VERSION)
    .stores({ disputeFacts: 'bucket', disputeFactsDirty: 'id' })
    .upgrade(async (tx: Transaction) => {
      await tx.table('disputeFactsDirty').put({ id: ALL_DISPUTES });
    });
}
