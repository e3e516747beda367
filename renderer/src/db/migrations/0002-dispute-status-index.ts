/**
 * Version 2: a compound index `[status+updatedAt]` on disputes, so "the active disputes, most
 * recently changed first" is one index range instead of a filter over every dispute. Only the
 * index changes; no record changes shape, so there is no upgrade function. Shipped; never edit.
 */
import type { Dexie } from 'dexie';
import { version1Stores } from './0001-initial';

export const version2Stores = {
  ...version1Stores,
  disputes: 'id, status, title, updatedAt, *tags, [status+updatedAt]',
} as const;

export default function version2(db: Dexie): void {
  db.version(2).stores({ disputes: version2Stores.disputes });
}
