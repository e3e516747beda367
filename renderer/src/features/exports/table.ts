/**
 * A table to take out of the app: the columns shown on screen, each with how to read its value
 * from a row and what kind of value it is, and the rows as filtered. The CSV and XLSX writers
 * both take this shape, so a page describes its table once and offers both formats.
 */
export type CellType = 'text' | 'number' | 'date';
export type CellValue = string | number | null;

export type ExportColumn<Row> = {
  header: string;
  value: (row: Row) => CellValue;
  /**
   * `date` takes a date as Casefile stores it: full (2023-03-15) or partial (2023-03, 2023), or a
   * timestamp. Full dates and timestamps become real dates in XLSX; partial ones stay text, since
   * a month is not its first day. Defaults to `text`.
   */
  type?: CellType;
  /** Column width in characters, for XLSX; defaults to one fitting the header. */
  width?: number;
};

export type ExportTable<Row> = {
  /** The file's name without its extension ("Disputes 2026-12-02"). */
  fileName: string;
  /** The worksheet's name in XLSX (cut to Excel's 31 characters). */
  sheetName: string;
  columns: ReadonlyArray<ExportColumn<Row>>;
  rows: ReadonlyArray<Row>;
};

export type ExportFormat = 'csv' | 'xlsx';

/** A file name a file system accepts: the characters Windows refuses become dashes. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[/\\:*?"<>|\0]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'Casefile export'
  );
}
