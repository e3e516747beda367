import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeXlsx, excelDate, sheetName } from './xlsx';

describe('XLSX encoding', () => {
  it('turns full dates into dates and keeps partial dates as text', () => {
    expect(excelDate('2023-03-15')).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(excelDate('2023-03')).toBe('2023-03');
    expect(excelDate('2023')).toBe('2023');
    expect(excelDate('')).toBeNull();
  });

  it('cuts sheet names to what Excel accepts', () => {
    expect(sheetName('Disputes: open / stayed [2026]')).toBe('Disputes- open - stayed -2026-');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });

  it('writes a workbook exceljs reads back with its text, numbers and dates', async () => {
    type Row = { name: string; count: number; opened: string };
    const bytes = await encodeXlsx<Row>(
      'Disputes',
      [
        { header: 'Name', value: (r) => r.name },
        { header: 'Count', value: (r) => r.count, type: 'number' },
        { header: 'Opened', value: (r) => r.opened, type: 'date' },
      ],
      [
        { name: '小米', count: 4, opened: '2023-03-15' },
        { name: 'Huawei', count: 0, opened: '2023' },
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.getWorksheet('Disputes')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Count', 'Opened']);
    expect(sheet.getCell('A2').value).toBe('小米');
    expect(sheet.getCell('B2').value).toBe(4);
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(sheet.getCell('C3').value).toBe('2023');
  });
});
