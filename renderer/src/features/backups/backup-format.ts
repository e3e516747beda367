/** How backups are described to a person. */
import { archiveTableNames } from '../../../../shared/archive/tables';
import { describeCounts } from '../../../../shared/archive/manifest';

const SHOWN_TABLES = archiveTableNames.filter(
  (name) => !['files', 'documentTexts', 'ocrLayouts', 'audit', 'settings'].includes(name),
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
  'before-import': 'Before an update from a bundle',
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
