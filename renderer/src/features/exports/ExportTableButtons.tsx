/**
 * "Export CSV" and "Export Excel" beside a table: busy while the file is written, a note when it is
 * saved, a message in words when it is not. `table` is called only on click, so a page does not
 * build its export rows on every render.
 */
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';
import { exportTable } from './export-table';
import type { ExportFormat, ExportTable } from './table';

export function ExportTableButtons<Row>({
  table,
  what,
  labels = { csv: 'Export CSV', xlsx: 'Export Excel' },
}: {
  table: () => ExportTable<Row> | Promise<ExportTable<Row>>;
  /** The buttons' words, where "Export CSV" alone would not say what is exported. */
  labels?: { csv: string; xlsx: string };
  /** What the file holds, for the messages ("The disputes listed"). */
  what: string;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  function run(format: ExportFormat) {
    setBusy(format);
    void Promise.resolve()
      .then(table)
      .then(async (data) => {
        const result = await exportTable({ ...data, format });
        if (result.saved)
          notifyDone('Exported', `${data.rows.length} row(s) saved to ${result.path}.`);
      })
      .catch((error: unknown) => reportError(error, `${what} were not exported`))
      .finally(() => setBusy(null));
  }
  return (
    <Group gap="xs">
      <Button
        variant="default"
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => run('csv')}
      >
        {labels.csv}
      </Button>
      <Button
        variant="default"
        loading={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => run('xlsx')}
      >
        {labels.xlsx}
      </Button>
    </Group>
  );
}
