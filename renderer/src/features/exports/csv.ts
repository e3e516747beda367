/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, a CR or an LF, and quotes inside doubled. The file starts with a UTF-8
 * byte order mark, which is how Excel knows to read Chinese names as UTF-8 rather than in the
 * system's legacy code page. Values are written as they are (no formula-escaping prefix), so the
 * file says exactly what the case file says.
 */
import type { CellValue, ExportColumn } from './table';

export const UTF8_BOM = '\uFEFF';

export function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * The CSV text in pieces of `rowsPerPiece` records (the first piece with the BOM and the header),
 * so a long table can be encoded and saved without one giant string.
 */
export function* csvPieces<Row>(
  columns: ReadonlyArray<ExportColumn<Row>>,
  rows: ReadonlyArray<Row>,
  rowsPerPiece = 2_000,
): Generator<string> {
  yield UTF8_BOM + csvRecord(columns.map((c) => c.header));
  for (let start = 0; start < rows.length; start += rowsPerPiece) {
    let piece = '';
    for (const row of rows.slice(start, start + rowsPerPiece))
      piece += csvRecord(columns.map((c) => c.value(row)));
    yield piece;
  }
}

/** The whole CSV as one string (tests, small tables). */
export function encodeCsv<Row>(
  columns: ReadonlyArray<ExportColumn<Row>>,
  rows: ReadonlyArray<Row>,
): string {
  return [...csvPieces(columns, rows)].join('');
}
