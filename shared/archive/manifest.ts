/**
 * The manifest of a Casefile archive (a whole-database backup or a one-dispute case bundle). Both
 * are the same zip: `records/<table>.ndjson` (deflated), `files/<sha256>` (stored as is) and this
 * manifest, written last, naming every entry with its size and SHA-256 so a reader can verify the
 * whole archive before it touches the database. `formatVersion` is the zip layout; `schemaVersion`
 * is the database schema the records were written under (older ones are migrated on read).
 */
import { z } from 'zod';
import { idSchema, sha256Schema, timestampSchema } from '../domain/schemas';

/** Bumped only when the layout of the zip changes; a reader refuses versions it does not know. */
export const ARCHIVE_FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
/** `sha256sum`-style copy of every checksum, manifest included, for tools outside the app. */
export const CHECKSUMS_PATH = 'checksums.sha256';
export const RECORDS_PREFIX = 'records/';
export const FILES_PREFIX = 'files/';

export const archiveKindSchema = z.enum(['backup', 'bundle']);
export type ArchiveKind = z.infer<typeof archiveKindSchema>;

export const archiveEntrySchema = z.object({
  path: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema,
});
export type ArchiveEntry = z.infer<typeof archiveEntrySchema>;

export const archiveManifestSchema = z.object({
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  kind: archiveKindSchema,
  schemaVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  createdAt: timestampSchema,
  counts: z.record(z.string(), z.number().int().nonnegative()),
  entries: z.array(archiveEntrySchema),
  /** Bundles only: the dispute they carry. */
  disputeId: idSchema.optional(),
  title: z.string().max(300).optional(),
  /** Bundles only: whether privileged notes and documents were included. */
  includesPrivileged: z.boolean().optional(),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

export const recordsPath = (table: string): string => `${RECORDS_PREFIX}${table}.ndjson`;
export const filePath = (sha256: string): string => `${FILES_PREFIX}${sha256}`;

/** A short human summary of the counts, e.g. "3 disputes, 12 documents". */
export function describeCounts(counts: Record<string, number>, tables: readonly string[]): string {
  return tables
    .filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => `${counts[table]} ${table}`)
    .join(', ');
}
