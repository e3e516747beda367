/**
 * The person's backup choices, kept in the `settings` table (so they travel with backups too):
 * whether to back up on quit and daily while Casefile runs, how many to keep, and whether backups
 * are encrypted (the passphrase itself is never kept here: see backup-passphrase.ts).
 */
import { z } from 'zod';
import { defaultRetention, retentionSchema } from '../../../../shared/backups';
import type { CasefileDb } from '../../db/casefile-db';

export const BACKUP_SETTINGS_KEY = 'backups';
export const LAST_AUTOMATIC_KEY = 'backups.lastAutomaticAt';

export const backupSettingsSchema = retentionSchema.extend({
  onQuit: z.boolean(),
  daily: z.boolean(),
  // Defaulted, so settings saved before encryption existed still read as they were.
  encrypt: z.boolean().default(false),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = {
  onQuit: true,
  daily: true,
  encrypt: false,
  ...defaultRetention,
};

export async function readBackupSettings(db: CasefileDb): Promise<BackupSettings> {
  const stored = await db.settings.get(BACKUP_SETTINGS_KEY);
  const parsed = backupSettingsSchema.safeParse(stored?.value);
  return parsed.success ? parsed.data : defaultBackupSettings;
}

export async function saveBackupSettings(db: CasefileDb, settings: BackupSettings): Promise<void> {
  await db.settings.put({ key: BACKUP_SETTINGS_KEY, value: backupSettingsSchema.parse(settings) });
}

export async function lastAutomaticBackup(db: CasefileDb): Promise<Date | null> {
  const stored = await db.settings.get(LAST_AUTOMATIC_KEY);
  return typeof stored?.value === 'string' ? new Date(stored.value) : null;
}

export async function recordAutomaticBackup(db: CasefileDb, at: Date): Promise<void> {
  await db.settings.put({ key: LAST_AUTOMATIC_KEY, value: at.toISOString() });
}

export const SKIPPED_AUTOMATIC_KEY = 'backups.skippedAutomatic';
/** An automatic backup that was not made, and why, shown on the Backups page until resolved. */
export type SkippedBackup = { at: string; reason: string };
const skippedSchema = z.object({ at: z.string(), reason: z.string() });

export async function readSkippedBackup(db: CasefileDb): Promise<SkippedBackup | null> {
  const parsed = skippedSchema.safeParse((await db.settings.get(SKIPPED_AUTOMATIC_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

export async function recordSkippedBackup(db: CasefileDb, skipped: SkippedBackup): Promise<void> {
  await db.settings.put({ key: SKIPPED_AUTOMATIC_KEY, value: skipped });
}

export async function clearSkippedBackup(db: CasefileDb): Promise<void> {
  await db.settings.delete(SKIPPED_AUTOMATIC_KEY);
}
