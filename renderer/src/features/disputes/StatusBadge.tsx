import { Badge } from '@mantine/core';
import type { DisputeStatus } from '../../../../shared/domain/vocabulary';
import { statusColour, statusLabel } from './labels';

export function StatusBadge({ status }: { status: DisputeStatus }) {
  return (
    // Body text on the tinted badge: even Mantine's darkest teal falls just short of 4.5:1 there.
    <Badge
      color={statusColour[status]}
      variant="light"
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
    >
      {statusLabel(status)}
    </Badge>
  );
}
