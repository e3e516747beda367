import { Badge } from '@mantine/core';
import type { DeadlineState } from './deadline-status';

/** Each state's colour (a Mantine colour name) and word. */
export const deadlineStateLooks: Record<DeadlineState, { color: string; label: string }> = {
  overdue: { color: 'red', label: 'Overdue' },
  upcoming: { color: 'yellow', label: 'Due soon' },
  later: { color: 'gray', label: 'Open' },
  done: { color: 'green', label: 'Done' },
};

/** The deadline's state in words, so it never depends on colour alone. */
export function DeadlineStateBadge({ state }: { state: DeadlineState }) {
  const look = deadlineStateLooks[state];
  return (
    // Body text on the tinted badge, as StatusBadge does: Mantine's tints fall short of 4.5:1.
    <Badge
      color={look.color}
      variant="light"
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
    >
      {look.label}
    </Badge>
  );
}
