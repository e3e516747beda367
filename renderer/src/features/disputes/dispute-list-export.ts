/** The disputes list as a table to export: the columns on screen, the rows as filtered and sorted. */
import { todayIso } from '../../../../shared/domain/partial-date';
import { disputeStatus, ourRole } from '../../../../shared/domain/vocabulary';
import type { ExportTable } from '../exports/table';
import { isFiltered, type DisputeFilters } from './dispute-filters';
import type { ListRow } from './dispute-queries';

export function disputeListTable(
  rows: ReadonlyArray<ListRow>,
  filters: DisputeFilters,
): ExportTable<ListRow> {
  return {
    fileName: `Disputes${isFiltered(filters) ? ' (filtered)' : ''} ${todayIso()}`,
    sheetName: 'Disputes',
    columns: [
      { header: 'Title', value: (r) => r.dispute.title, width: 40 },
      { header: 'Matter number', value: (r) => r.dispute.matterNumber, width: 16 },
      { header: 'Our role', value: (r) => ourRole.labels[r.dispute.ourRole], width: 24 },
      { header: 'Counterparties', value: (r) => r.counterparties.join('; '), width: 36 },
      { header: 'Status', value: (r) => disputeStatus.labels[r.dispute.status] },
      { header: 'Forums', value: (r) => r.forums.join('; '), width: 40 },
      { header: 'Patents', value: (r) => r.patentCount, type: 'number' },
      { header: 'Opened', value: (r) => r.dispute.openedOn, type: 'date' },
      { header: 'Last change', value: (r) => r.dispute.updatedAt, type: 'date', width: 18 },
    ],
    rows,
  };
}
