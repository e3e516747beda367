/**
 * XLSX through exceljs, loaded only when someone exports (it is a megabyte of script). Full dates
 * and timestamps are written as real Excel dates with a date format, numbers as numbers, the
 * header bold and frozen, so the sheet sorts and filters in Excel as the screen did.
 */
import type { CellValue, ExportColumn } from './table';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A stored date as Excel should hold it. Excel dates have no time zone, so a timestamp is written
 * as the wall-clock time here (what the screen shows), and a full date as that day at midnight.
 * Partial dates (2023, 2023-03) stay text: a month is not its first day.
 */
export function excelDate(value: CellValue): Date | string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return String(value);
  const full = FULL_DATE.exec(value);
  if (full) return new Date(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3])));
  if (TIMESTAMP.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return value;
    return new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  }
  return value;
}

/** Excel refuses sheet names over 31 characters or with any of []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet1';
}

export async function encodeXlsx<Row>(
  name: string,
  columns: ReadonlyArray<ExportColumn<Row>>,
  rows: ReadonlyArray<Row>,
): Promise<Uint8Array<ArrayBuffer>> {
  const module = await import('exceljs');
  // The browser build is a UMD bundle: its exports arrive as the default export.
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Casefile';
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? Math.max(12, column.header.length + 2),
    style: column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const timestampColumns = new Set<number>();
  for (const row of rows) {
    sheet.addRow(
      columns.map((column, index) => {
        const value = column.value(row);
        if (column.type === 'date') {
          if (typeof value === 'string' && TIMESTAMP.test(value)) timestampColumns.add(index);
          return excelDate(value);
        }
        if (column.type === 'number') return value === null || value === '' ? null : Number(value);
        return value;
      }),
    );
  }
  for (const index of timestampColumns) sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd hh:mm';
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
