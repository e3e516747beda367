/**
 * Version 3, two derived structures:
 * - `searchOutbox`: the change feed of the search index. Every write to a searched table also
 *   records, in the same transaction, which record changed (./search-feed.ts), so the index
 *   worker catches up after a crash, a restore or another window's writes by reading it.
 * - `deadlines.openDue`: the due date of a deadline that is not done, absent once it is done. An
 *   index on it holds only open deadlines, so Home reads what is due without walking years of
 *   done ones. The upgrade sets it on every stored deadline; afterwards the write path keeps it.
 * Shipped; never edit.
 */
import type { Dexie, Transaction } from 'dexie';
import { version2Stores } from './0002-dispute-status-index';

export const version3Stores = {
  ...version2Stores,
  deadlines: 'id, disputeId, date, done, openDue',
  searchOutbox: '++seq',
} as const;

/** The open-deadline key of a deadline: its date while it is open, nothing once it is done. */
export function openDueOf(deadline: { date?: unknown; done?: unknown }): string | undefined {
  return deadline.done || typeof deadline.date !== 'string' ? undefined : deadline.date;
}

export default function version3(db: Dexie): void {
  db.version(3)
    .stores({ deadlines: version3Stores.deadlines, searchOutbox: version3Stores.searchOutbox })
    .upgrade(async (tx: Transaction) => {
      await tx
        .table('deadlines')
        .toCollection()
        .modify((deadline: { date?: unknown; done?: unknown; openDue?: string }) => {
          const due = openDueOf(deadline);
          if (due === undefined) delete deadline.openDue;
          else deadline.openDue = due;
        });
    });
}
