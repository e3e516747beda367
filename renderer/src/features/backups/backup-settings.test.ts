import { describe, expect, it } from 'vitest';
import { backupSettingsSchema, defaultBackupSettings } from './backup-settings';

function messages(values: Record<string, unknown>): Record<string, string> {
  const parsed = backupSettingsSchema.safeParse({ ...defaultBackupSettings, ...values });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('backup settings', () => {
  it('accepts the defaults and the ends of each range', () => {
    expect(messages({})).toEqual({});
    expect(messages({ keepDaily: 1, keepWeekly: 0 })).toEqual({});
    expect(messages({ keepDaily: 365, keepWeekly: 520 })).toEqual({});
  });

  it('refuses counts out of range with a message for each field, in words', () => {
    expect(messages({ keepDaily: 0, keepWeekly: -3 })).toEqual({
      keepDaily: 'Keep at least 1 daily backup.',
      keepWeekly: 'Enter 0 or more weekly backups (0 keeps none).',
    });
    expect(messages({ keepDaily: 999, keepWeekly: 99_999 })).toEqual({
      keepDaily: 'Keep at most 365 daily backups.',
      keepWeekly: 'Keep at most 520 weekly backups (ten years).',
    });
  });

  it('refuses an empty or fractional count instead of guessing one', () => {
    expect(messages({ keepDaily: '', keepWeekly: 2.5 })).toEqual({
      keepDaily: 'Enter how many daily backups to keep, from 1 to 365.',
      keepWeekly: 'Enter a whole number of weekly backups, from 0 to 520.',
    });
  });
});
