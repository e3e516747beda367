/**
 * Every table an archive carries and the zod schema each of its records must pass on the way in.
 * The order is the order of the archive and of a restore. `files` carries the metadata of each
 * stored file; its bytes travel as `files/<sha256>` entries. `documentTexts` is derived from the
 * files (text extraction) but kept so a restore does not have to extract every PDF again; so are
 * `ocrLayouts`, one record per scanned page.
 */
import { z } from 'zod';
import {
  assertionSchema,
  auditEntrySchema,
  deadlineSchema,
  disputePartySchema,
  disputeSchema,
  documentSchema,
  documentTextSchema,
  noteSchema,
  ocrLayoutSchema,
  organisationSchema,
  patentSchema,
  proceedingSchema,
  storedFileSchema,
  trashEntrySchema,
} from '../domain/schemas';

export const settingRecordSchema = z.object({
  key: z.string().min(1).max(200),
  value: z.unknown(),
});

export const archiveTableSchemas = {
  disputes: disputeSchema,
  proceedings: proceedingSchema,
  organisations: organisationSchema,
  disputeParties: disputePartySchema,
  patents: patentSchema,
  assertions: assertionSchema,
  documents: documentSchema,
  files: storedFileSchema,
  documentTexts: documentTextSchema,
  // Where OCR found each word of a scanned page (the preview's text layer): derived like the texts,
  // and kept for the same reason, so a restore does not have to read every scan again.
  ocrLayouts: ocrLayoutSchema,
  notes: noteSchema,
  deadlines: deadlineSchema,
  audit: auditEntrySchema,
  settings: settingRecordSchema,
  // Deleted records survive a backup and restore with their 30 days (never a bundle: see
  // bundle-content.ts, which names its tables).
  trash: trashEntrySchema,
} as const;

export type TableName = keyof typeof archiveTableSchemas;
export const archiveTableNames = Object.keys(archiveTableSchemas) as TableName[];

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(archiveTableSchemas, name);
}

/**
 * The database schema version this build writes. It must equal the renderer's SCHEMA_VERSION
 * (a test in renderer/src/features/backups pins the two together); shared/ cannot import Dexie.
 */
export const CURRENT_SCHEMA_VERSION = 11;
