/**
 * Version 1: the whole domain of DESIGN.md. Shipped; never edit. A change is a new version file.
 * Only indexed properties are listed; every record's full shape is its zod schema in shared/.
 */
import type { Dexie } from 'dexie';

export const version1Stores = {
  disputes: 'id, status, title, updatedAt, *tags',
  proceedings: 'id, disputeId, filedOn',
  organisations: 'id, &nameKey',
  disputeParties: 'id, disputeId, organisationId, &[disputeId+organisationId]',
  patents: 'id, number, ownerId',
  assertions: 'id, disputeId, proceedingId, patentId',
  documents: 'id, disputeId, sha256, filedOn, textStatus',
  files: 'sha256',
  documentTexts: 'sha256',
  notes: 'id, disputeId, date',
  deadlines: 'id, disputeId, date, done',
  audit: '++seq, at, disputeId, [entity+entityId]',
  settings: 'key',
} as const;

export default function version1(db: Dexie): void {
  db.version(1).stores(version1Stores);
}
