/** How backups are described to a person. */
import { archiveTableNames } from '../../../../shared/archive/tables';
import { describeCounts } from '../../../../shared/archive/manifest';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const SHOWN_TABLES = archiveTableNames.filter(
  (name) => !['files', 'documentTexts', 'audit', 'settings'].includes(name),
);

export function formatCounts(counts: Record<string, number> | null): string {
  if (counts === null) return 'Contents unknown (the file may be damaged)';
  return describeCounts(counts, SHOWN_TABLES) || 'No case files';
}

const REASONS: Record<string, string> = {
  manual: 'Backed up by hand',
  daily: 'Daily',
  quit: 'On quit',
  'before-restore': 'Before a restore',
};

export function formatReason(reason: string): string {
  return REASONS[reason] ?? reason;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? 'Unknown date'
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
