/**
 * `exportTable`: the one call a page makes to offer its table as CSV or XLSX. It encodes the rows,
 * asks the host where to save (the desktop's save dialog, a browser's download) and streams the
 * bytes there, so a long table never crosses the process boundary in one piece.
 */
import { saveStreamed, type SaveTarget } from '../../host/save-streamed';
import type { SaveFileResult } from '../../../../shared/ipc';
import { csvPieces } from './csv';
import { safeFileName, type ExportFormat, type ExportTable } from './table';

export type { ExportColumn, ExportFormat, ExportTable, CellType, CellValue } from './table';

const filters = {
  csv: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
};

export async function exportTable<Row>(
  table: ExportTable<Row> & { format: ExportFormat },
  target?: SaveTarget,
): Promise<SaveFileResult> {
  const suggestedName = `${safeFileName(table.fileName)}.${table.format}`;
  if (table.format === 'csv') {
    const encoder = new TextEncoder();
    return saveStreamed(
      { suggestedName, filters: filters.csv },
      async (write) => {
        for (const piece of csvPieces(table.columns, table.rows)) {
          await write(encoder.encode(piece));
          // Let the window breathe between pieces of a long table.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      },
      target,
    );
  }
  // Encode before asking where: a cancelled dialog then wastes nothing of the person's time,
  // and a failure to build the workbook is reported before a file is begun.
  const { encodeXlsx } = await import('./xlsx');
  const bytes = await encodeXlsx(table.sheetName, table.columns, table.rows);
  return saveStreamed(
    { suggestedName, filters: filters.xlsx },
    async (write) => {
      const piece = 4 * 1024 * 1024;
      for (let at = 0; at < bytes.length; at += piece) await write(bytes.subarray(at, at + piece));
    },
    target,
  );
}
