import { describe, expect, it } from 'vitest';
import { csvField, encodeCsv, UTF8_BOM } from './csv';
import type { ExportColumn } from './table';

type Row = { name: string; note: string; count: number | null };
const columns: ExportColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Note', value: (r) => r.note },
  { header: 'Count', value: (r) => r.count, type: 'number' },
];

describe('CSV encoding (RFC 4180, UTF-8 with BOM)', () => {
  it('quotes fields with commas, quotes and line breaks, and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField(null)).toBe('');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('starts with the BOM, ends every record with CRLF and keeps Chinese names intact', () => {
    const csv = encodeCsv(columns, [
      { name: '小米科技有限责任公司', note: 'Offer, then "counter-offer"\nlater', count: 3 },
      { name: 'Huawei', note: '', count: null },
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      'Name,Note,Count\r\n' +
        '小米科技有限责任公司,"Offer, then ""counter-offer""\nlater",3\r\n' +
        'Huawei,,\r\n',
    );
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes only the header for an empty table', () => {
    expect(encodeCsv(columns, [])).toBe(`${UTF8_BOM}Name,Note,Count\r\n`);
  });
});
