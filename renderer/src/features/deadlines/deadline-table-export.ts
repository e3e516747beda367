/** Deadlines as a table to export to CSV or Excel, beside the .ics export: the same rows. */
import { todayIso } from '../../../../shared/domain/partial-date';
import { deadlineKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import type { ExportTable } from '../exports/table';
import { safeFileName } from '../exports/table';
import { listDeadlines, type DeadlineView } from './deadline-queries';

export async function deadlinesTable(
  dispute: { id: string; title: string } | null,
): Promise<ExportTable<DeadlineView>> {
  const rows = await listDeadlines(db, dispute?.id ?? null);
  return {
    fileName: `${dispute ? safeFileName(dispute.title) : 'All disputes'} deadlines ${todayIso()}`,
    sheetName: 'Deadlines',
    columns: [
      { header: 'Date', value: (d) => d.date, type: 'date' },
      { header: 'Time', value: (d) => d.time },
      { header: 'Time zone', value: (d) => d.timeZone, width: 16 },
      { header: 'Title', value: (d) => d.title, width: 40 },
      { header: 'Kind', value: (d) => deadlineKind.labels[d.kind], width: 16 },
      { header: 'Dispute', value: (d) => d.disputeTitle, width: 32 },
      { header: 'Proceeding', value: (d) => d.proceedingLabel, width: 28 },
      { header: 'Responsible', value: (d) => d.responsible, width: 20 },
      { header: 'Done', value: (d) => (d.done ? 'Done' : 'Open') },
    ],
    rows,
  };
}
