/**
 * The Patents page as a table to export: the facts and assertion columns it shows, one row per
 * patent and assertion (a patent asserted nowhere still gets its row), for the patents the
 * filters leave. Kept here, outside features/patents, so the page itself only gains its buttons.
 */
import { jurisdictionName } from '../../../../shared/domain/jurisdiction';
import { todayIso } from '../../../../shared/domain/partial-date';
import { assertionStatus, proceedingKind } from '../../../../shared/domain/vocabulary';
import { forumLabel } from '../disputes/dispute-queries';
import { ownerSideLabels, type AssertionLine, type PatentRow } from '../patents/patent-queries';
import type { ExportTable } from './table';

export type PatentExportRow = { row: PatentRow; line: AssertionLine | null };

export function patentsTable(
  rows: ReadonlyArray<PatentRow>,
  filtered: boolean,
): ExportTable<PatentExportRow> {
  const lines = rows.flatMap((row): PatentExportRow[] =>
    row.assertions.length === 0
      ? [{ row, line: null }]
      : row.assertions.map((line) => ({ row, line })),
  );
  return {
    fileName: `Patents${filtered ? ' (filtered)' : ''} ${todayIso()}`,
    sheetName: 'Patents',
    columns: [
      { header: 'Number', value: (r) => r.row.patent.number, width: 22 },
      { header: 'Title', value: (r) => r.row.patent.title, width: 36 },
      { header: 'SEP', value: (r) => (r.row.patent.sep ? 'SEP' : '') },
      { header: 'Owner', value: (r) => r.row.ownerName, width: 30 },
      {
        header: 'Owner side',
        value: (r) => (r.row.ownerName ? ownerSideLabels[r.row.ownerSide] : ''),
        width: 16,
      },
      {
        header: 'Jurisdiction',
        value: (r) =>
          r.row.patent.jurisdiction ? jurisdictionName(r.row.patent.jurisdiction) : '',
        width: 18,
      },
      { header: 'Family', value: (r) => r.row.patent.family, width: 16 },
      { header: 'Technology', value: (r) => r.row.patent.technology, width: 20 },
      { header: 'Expires', value: (r) => r.row.patent.expiresOn, type: 'date' },
      { header: 'Dispute', value: (r) => r.line?.dispute?.title ?? '', width: 36 },
      {
        header: 'Proceeding and forum',
        value: (r) => {
          const proceeding = r.line?.proceeding;
          if (!proceeding) return '';
          const caseNumber = proceeding.caseNumber ? `, ${proceeding.caseNumber}` : '';
          return `${proceedingKind.labels[proceeding.kind]}, ${forumLabel(proceeding)}${caseNumber}`;
        },
        width: 44,
      },
      { header: 'Claims', value: (r) => r.line?.assertion.claims ?? '', width: 16 },
      {
        header: 'How it fared',
        value: (r) => (r.line ? assertionStatus.labels[r.line.assertion.status] : ''),
        width: 20,
      },
      { header: 'Filed', value: (r) => r.line?.proceeding?.filedOn ?? '', type: 'date' },
      { header: 'Closed', value: (r) => r.line?.proceeding?.closedOn ?? '', type: 'date' },
    ],
    rows: lines,
  };
}
