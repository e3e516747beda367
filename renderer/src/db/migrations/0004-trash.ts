/**
 * Version 4: the trash. A delete moves what it took (the record and its cascade) into one trash
 * entry, from which it comes back whole for 30 days before it is purged. Indexed by when it was
 * deleted (the Trash list, newest first, and the purge, oldest first), by dispute (a dispute's
 * own trash) and by the files its documents use (a file's bytes stay while any entry needs them).
 * No existing record changes shape. Shipped; never edit.
 */
import type { Dexie } from 'dexie';

/** The version this one follows; the lead re-chains it when versions are merged. */
export const PREVIOUS_VERSION = 2;
export const TRASH_VERSION = 4;

export const trashStore = 'id, deletedAt, [disputeId+deletedAt], *sha256s';

export default function version4(db: Dexie): void {
  db.version(TRASH_VERSION).stores({ trash: trashStore });
}
