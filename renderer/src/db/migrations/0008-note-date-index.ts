/**
 * Version 8: `notes[disputeId+date]`, a dispute's notes in date order, so the Overview reads its
 * latest few notes from the end of that range instead of every note of the dispute. Partial dates
 * ("2023", "2023-03") sort before the full dates they contain, as they do everywhere else; undated
 * notes hold `date: ''` and sort first. No data changes. Shipped once released; never edit.
 */
import type { Dexie } from 'dexie';

export const VERSION = 8;
export const PREVIOUS_VERSION = 7;

export const version8Stores = {
  notes: 'id, disputeId, date, amount, [disputeId+date]',
} as const;

export default function version8(db: Dexie): void {
  db.version(VERSION).stores(version8Stores);
}
