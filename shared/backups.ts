/**
 * The backup channels' arguments and results, and how backup files are named. A backup is streamed:
 * `begin` opens a temporary file in the data folder's `backups/`, `append` adds zip chunks in
 * bounded batches, `commit` fsyncs it, renames it into place and rotates, `abort` removes it. The
 * file name carries its creation time, so listing and rotation need not open every archive.
 */
import { z } from 'zod';

export const backupReasonSchema = z.enum([
  'manual',
  'daily',
  'quit',
  'before-restore',
  'before-import',
]);
export type BackupReason = z.infer<typeof backupReasonSchema>;

const BACKUP_NAME =
  /^casefile-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.zip$/;

export const backupNameSchema = z
  .string()
  .max(100)
  .regex(BACKUP_NAME, 'That is not the name of a Casefile backup.');

export function backupFileName(createdAt: Date, reason: BackupReason): string {
  const iso = createdAt.toISOString(); // 2026-01-02T03:04:05.678Z
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}Z`;
  return `casefile-${stamp}-${reason}.zip`;
}

/** When a backup was made and why, read from its name; null for a name that is not a backup's. */
export function parseBackupName(name: string): { createdAt: Date; reason: string } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, reason] = match;
  const createdAt = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  if (Number.isNaN(createdAt.getTime()) || reason === undefined) return null;
  return { createdAt, reason };
}

/** How many backups to keep; out of range is refused by the field, never clamped. */
export const retentionSchema = z.object({
  keepDaily: z
    .number({ error: 'Enter how many daily backups to keep, from 1 to 365.' })
    .int('Enter a whole number of daily backups, from 1 to 365.')
    .min(1, 'Keep at least 1 daily backup.')
    .max(365, 'Keep at most 365 daily backups.'),
  keepWeekly: z
    .number({ error: 'Enter how many weekly backups to keep, from 0 to 520.' })
    .int('Enter a whole number of weekly backups, from 0 to 520.')
    .min(0, 'Enter 0 or more weekly backups (0 keeps none).')
    .max(520, 'Keep at most 520 weekly backups (ten years).'),
});
export type Retention = z.infer<typeof retentionSchema>;
export const defaultRetention: Retention = { keepDaily: 14, keepWeekly: 8 };

const tokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'Not a backup in progress.');

/** The most bytes one `append` may carry; the renderer batches zip chunks up to this. */
export const BACKUP_APPEND_MAX_BYTES = 8 * 1024 * 1024;
/** The most bytes one `read` may return. */
export const BACKUP_READ_MAX_BYTES = 8 * 1024 * 1024;

export const beginBackupArgsSchema = z.object({ reason: backupReasonSchema });
export const appendBackupArgsSchema = z.object({
  token: tokenSchema,
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= BACKUP_APPEND_MAX_BYTES, 'Too many bytes at once.'),
});
export const commitBackupArgsSchema = z.object({ token: tokenSchema, retention: retentionSchema });
export const abortBackupArgsSchema = z.object({ token: tokenSchema });
export const readBackupArgsSchema = z.object({
  name: backupNameSchema,
  offset: z.number().int().nonnegative(),
  length: z.number().int().positive().max(BACKUP_READ_MAX_BYTES),
});

export type BackupTicket = { token: string; name: string };
export type BackupWritten = { name: string; path: string; size: number; removed: string[] };

export const backupSummarySchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  createdAt: z.string(),
  reason: z.string(),
  /** From the archive's manifest; null when the manifest could not be read (a damaged file). */
  counts: z.record(z.string(), z.number()).nullable(),
  schemaVersion: z.number().nullable(),
  /** Sealed under a passphrase (shared/archive/encryption.ts): its counts are not readable. */
  encrypted: z.boolean().default(false),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;
