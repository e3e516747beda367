/**
 * What a case bundle holds: one dispute and every record it needs to stand on its own (its
 * parties' organisations, proceedings, the patents asserted in them and their owners, documents
 * with their extracted text, notes, deadlines), plus the bytes of every document by SHA-256.
 *
 * The audit log does not travel: its entries quote old and new values, so they would leak the
 * privileged notes a sender chose to leave out. The receiving database records the import itself.
 */
import type { z } from 'zod';
import { archiveTableSchemas, type TableName } from '../../../../shared/archive/tables';
import type { Privilege } from '../../../../shared/domain/vocabulary';

/**
 * The tables a bundle carries, in the order they are written and read back; each record passes
 * the same schema as in a backup. `files` holds the stored files' facts (type, when stored); their
 * bytes are archive entries by hash.
 */
export const bundleTables = [
  'disputes',
  'organisations',
  'disputeParties',
  'proceedings',
  'patents',
  'assertions',
  'documents',
  'documentTexts',
  'files',
  'notes',
  'deadlines',
] as const satisfies readonly TableName[];

export type BundleTable = (typeof bundleTables)[number];

export const bundleRecordSchemas = Object.fromEntries(
  bundleTables.map((table) => [table, archiveTableSchemas[table]]),
) as { [T in BundleTable]: (typeof archiveTableSchemas)[T] };

export type BundleRecords = { [T in BundleTable]: z.infer<(typeof bundleRecordSchemas)[T]>[] };

/** A bundle's records and file bytes, as collected for export or as read back from an archive. */
export type BundleContent = {
  records: BundleRecords;
  files: ReadonlyMap<string, Blob>;
};

/**
 * Privileged means covered by attorney–client privilege or work product: what counsel would not
 * hand to the other side. "Confidential" alone is a business label, not privilege, and travels.
 */
export function isPrivileged(label: Privilege): boolean {
  return label !== 'none' && label !== 'confidential';
}

export function emptyRecords(): BundleRecords {
  return Object.fromEntries(bundleTables.map((t) => [t, []])) as unknown as BundleRecords;
}
