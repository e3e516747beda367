import { disputeStatus } from '../../../../shared/domain/vocabulary';
import type { DisputeStatus } from '../../../../shared/domain/vocabulary';

export const statusColour: Record<DisputeStatus, string> = {
  assessment: 'gray',
  active: 'blue',
  stayed: 'yellow',
  appeal: 'grape',
  settled: 'teal',
  closed: 'dark',
};

export function statusLabel(status: DisputeStatus): string {
  return disputeStatus.labels[status];
}

/** "24 Nov 2026, 14:05" in the user's locale. */
export function formatTimestamp(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
