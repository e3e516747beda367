/**
 * Which backups to keep, in the desktop's backups folder and the browser's private one alike: the
 * newest backup of each of the last `keepDaily` days that have one, and the newest of each of the
 * last `keepWeekly` ISO weeks that have one (a week starts on Monday, UTC). Everything else is
 * removed. Pure, so the policy is tested exactly; the newest backup is
 * always kept because it is the newest of its day.
 */
import type { Retention } from './backups';

export type DatedBackup = { name: string; createdAt: Date };

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Monday (UTC) of the date's week, as a day key. */
function weekKey(date: Date): string {
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return dayKey(monday);
}

function newestPer(
  backups: readonly DatedBackup[],
  keyOf: (date: Date) => string,
  limit: number,
): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const backup of backups) {
    if (kept.length >= limit) break;
    const key = keyOf(backup.createdAt);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(backup.name);
  }
  return kept;
}

export function backupsToKeep(backups: readonly DatedBackup[], retention: Retention): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name),
  );
  return new Set([
    ...newestPer(newestFirst, dayKey, retention.keepDaily),
    ...newestPer(newestFirst, weekKey, retention.keepWeekly),
  ]);
}
