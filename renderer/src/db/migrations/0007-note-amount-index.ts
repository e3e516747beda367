/**
 * Version 7: `notes.amount`, a sparse index of the notes that carry an amount. Notes without one
 * hold `amount: null`, which IndexedDB leaves out of the index, so the Home dashboard's
 * consideration chart reads the few notes with a sum instead of every note of every resolved
 * dispute. No data changes. Shipped once released; never edit.
 */
import type { Dexie } from 'dexie';

export const VERSION = 7;

export const version7Stores = {
  notes: 'id, disputeId, date, amount',
} as const;

export default function version7(db: Dexie): void {
  db.version(VERSION).stores(version7Stores);
}
