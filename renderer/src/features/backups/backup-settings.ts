/**
 * The person's backup choices, kept in the `settings` table (so they travel with backups too):
 * whether to back up on quit and daily while Casefile runs, and how many to keep.
 */
import { z } from 'zod';
import { defaultRetention, retentionSchema } from '../../../../shared/backups';
import type { CasefileDb } from '../../db/casefile-db';

export const BACKUP_SETTINGS_KEY = 'backups';
export const LAST_AUTOMATIC_KEY = 'backups.lastAutomaticAt';

export const backupSettingsSchema = retentionSchema.extend({
  onQuit: z.boolean(),
  daily: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = {
  onQuit: true,
  daily: true,
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
