/**
 * Version 11: `documents[disputeId+id]`, a dispute's documents in id order, so a long list of
 * them is read a page at a time, each page one request that starts after the last id of the one
 * before (document-list.ts). The `disputeId` index alone cannot start a read part-way through a
 * dispute: a dispute of 50,000 filings was read 2,000 at once and then by a cursor, a task of
 * the window per document. No data changes. Shipped once released; never edit.
 */
import type { Dexie } from 'dexie';
import { version1Stores } from './0001-initial';

export const DOCUMENT_PAGES_PREVIOUS_VERSION = 10;
export const DOCUMENT_PAGES_VERSION = 11;

export const version11Stores = {
  documents: `${version1Stores.documents}, emailId, [disputeId+id]`,
} as const;

export default function version11(db: Dexie): void {
  db.version(DOCUMENT_PAGES_VERSION).stores(version11Stores);
}
