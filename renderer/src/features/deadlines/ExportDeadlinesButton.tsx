/**
 * "Export deadlines (.ics)", and beside it the same deadlines as CSV or Excel: busy while the file
 * is written and saved, so a long export shows that it is under way and cannot be started twice.
 */
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { ExportTableButtons } from '../exports/ExportTableButtons';
import { deadlinesTable } from './deadline-table-export';
import { exportDeadlines } from './export-deadlines';

export function ExportDeadlinesButton({
  dispute,
  label,
}: {
  dispute: { id: string; title: string } | null;
  label: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Group gap="xs">
      <Button
        variant="default"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void exportDeadlines(dispute).finally(() => setBusy(false));
        }}
      >
        {label}
      </Button>
      <ExportTableButtons
        table={() => deadlinesTable(dispute)}
        what="The deadlines"
        labels={{ csv: label.replace('.ics', 'CSV'), xlsx: label.replace('.ics', 'Excel') }}
      />
    </Group>
  );
}
