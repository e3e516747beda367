/**
 * "Export deadlines (.ics)": busy while the calendar file is written and saved, so a long export
 * shows that it is under way and cannot be started twice.
 */
import { Button } from '@mantine/core';
import { useState } from 'react';
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
  );
}
