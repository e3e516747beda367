import { describe, expect, it } from 'vitest';
import { jurisdictionFromText, jurisdictionName, jurisdictionOptions } from './jurisdiction';
import { parsePatentNumber, patentNumberKey } from './patent-number';

function ok(number: string, jurisdiction = '') {
  const result = parsePatentNumber(number, jurisdiction);
  if (!result.ok) throw new Error(`refused ${number}: ${result.message}`);
  return result.value;
}

function refused(number: string, jurisdiction = '') {
  const result = parsePatentNumber(number, jurisdiction);
  if (result.ok) throw new Error(`accepted ${number} as ${result.value.display}`);
  return result.message;
}

describe('patent numbers per office', () => {
  it.each([
    // [typed, jurisdiction, display, key]
    ['US 10,123,456 B2', '', 'US 10,123,456 B2', 'US10123456'],
    ['US10123456', '', 'US 10,123,456', 'US10123456'],
    ['10123456', 'US', 'US 10,123,456', 'US10123456'],
    ['us 7,654,321', 'US', 'US 7,654,321', 'US7654321'],
    ['US D912,345 S', '', 'US D912,345 S', 'USD912345'],
    ['USRE45678E', '', 'US RE45,678 E', 'USRE45678'],
    ['US 2019/0123456 A1', '', 'US 2019/0123456 A1', 'US20190123456'],
    ['EP 1 234 567 B1', '', 'EP 1 234 567 B1', 'EP1234567'],
    ['ep1234567', '', 'EP 1 234 567', 'EP1234567'],
    ['1234567', 'EP', 'EP 1 234 567', 'EP1234567'],
    ['CN 102123456 B', '', 'CN 102123456 B', 'CN102123456'],
    ['ZL 2019 1 0123456.7', '', 'ZL 2019 1 0123456.7', 'CNZL2019101234567'],
    ['ZL201910123456.7', 'CN', 'ZL 2019 1 0123456.7', 'CNZL2019101234567'],
    ['201910123456.X', 'CN', 'ZL 2019 1 0123456.X', 'CNZL201910123456X'],
    ['ZL 98 1 23456.7', '', 'ZL 98 1 23456.7', 'CNZL981234567'],
    ['JP 6123456 B2', '', 'JP 6123456 B2', 'JP6123456'],
    ['特許第6123456号', '', 'JP 6123456', 'JP6123456'],
    ['JP 2019-123456 A', '', 'JP 2019-123456 A', 'JP2019123456'],
    ['KR 10-1234567 B1', '', 'KR 10-1234567 B1', 'KR101234567'],
    ['1234567', 'KR', 'KR 10-1234567', 'KR101234567'],
    ['KR 10-2019-0012345 A', '', 'KR 10-2019-0012345 A', 'KR1020190012345'],
    ['DE 10 2019 123 456 B4', '', 'DE 10 2019 123 456 B4', 'DE102019123456'],
    ['DE 196 12 345 C2', '', 'DE 19612345 C2', 'DE19612345'],
    ['GB 2 512 345 B', '', 'GB 2 512 345 B', 'GB2512345'],
    ['FR 3 012 345 B1', '', 'FR 3 012 345 B1', 'FR3012345'],
    ['WO 2019/123456 A1', '', 'WO 2019/123456 A1', 'WO2019123456'],
    ['PCT/CN2019/123456', '', 'PCT/CN2019/123456', 'PCTCN2019123456'],
    ['EP 3 456 789 B1', 'UPC', 'EP 3 456 789 B1', 'EP3456789'],
    ['3456789', 'UPC', 'EP 3 456 789', 'EP3456789'],
    ['EP 1 234 567', 'DE', 'EP 1 234 567', 'EP1234567'],
    ['AU 2019123456', '', 'AU 2019123456', 'AU2019123456'],
  ])('reads %s (jurisdiction %s) as %s', (typed, jurisdiction, display, key) => {
    const value = ok(typed, jurisdiction);
    expect(value.display).toBe(display);
    expect(value.key).toBe(key);
  });

  it('makes one key of the same US patent however it is written', () => {
    const keys = new Set(
      [
        ['US 10,123,456 B2', ''],
        ['US10123456', ''],
        ['10123456', 'US'],
        ['US 10 123 456 B1', 'US'],
      ].map(([n, j]) => patentNumberKey(n!, j!)),
    );
    expect([...keys]).toEqual(['US10123456']);
  });

  it('implies the jurisdiction from the number when none was chosen', () => {
    expect(ok('ZL 2019 1 0123456.7').jurisdiction).toBe('CN');
    expect(ok('EP 3 456 789', 'UPC').jurisdiction).toBe('UPC');
    expect(ok('WO 2019/123456').jurisdiction).toBe('WO');
  });

  it.each([
    ['banana', '', /Choose the jurisdiction, or write the number with its office code/],
    ['banana', 'US', /Not a valid US patent number\. Write it as US 10,123,456 B2/],
    ['US 123', '', /Not a valid US patent number/],
    ['EP 123 456', '', /Not a valid EP patent number\. Write it as EP 1 234 567 B1: seven digits/],
    ['CN 12345', '', /CN 102123456 B .* ZL 2019 1 0123456\.7/],
    ['ZL 2019 1 0123456', '', /check digit/],
    ['JP 123', '', /JP 6123456 B2 .* JP 2019-123456 A/],
    ['KR 12-345', '', /KR 10-1234567 B1/],
    ['DE 123', '', /DE 10 2019 123 456 B4/],
    ['GB 12 345', '', /GB 2 512 345 B: seven digits/],
    ['FR 12', '', /FR 3 012 345 B1: seven digits/],
    ['WO 19/1', '', /WO 2019\/123456 A1/],
    [
      '123',
      'UPC',
      /Not a valid UPC \(European\) patent number\. Write it as the European patent’s number/,
    ],
    ['US 10,123,456', 'CN', /This is a US number but the jurisdiction is China/],
    ['12', 'AU', /as the Australia office does/],
    ['', 'US', /Enter the patent number/],
  ])('refuses %s (jurisdiction %s) saying the expected form', (typed, jurisdiction, message) => {
    expect(refused(typed, jurisdiction)).toMatch(message);
  });

  it('keys numbers it cannot read loosely, and no number not at all', () => {
    expect(patentNumberKey('EP-FICTION-0001', 'EP')).toBe('~EP:EPFICTION0001');
    expect(patentNumberKey('', 'EP')).toBeNull();
  });
});

describe('jurisdictions', () => {
  it('lists ISO countries by name with EP, WO and UPC first', () => {
    const options = jurisdictionOptions();
    expect(options.slice(0, 3).map((o) => o.value)).toEqual(['EP', 'WO', 'UPC']);
    expect(options).toHaveLength(252);
    expect(options.find((o) => o.value === 'CN')?.label).toBe('China');
    expect(options.some((o) => /narnia/i.test(o.label))).toBe(false);
  });

  it('reads free-hand jurisdictions of old records, and nothing for Narnia', () => {
    expect(jurisdictionFromText('China')).toBe('CN');
    expect(jurisdictionFromText(' us ')).toBe('US');
    expect(jurisdictionFromText('EPO')).toBe('EP');
    expect(jurisdictionFromText('Germany')).toBe('DE');
    expect(jurisdictionFromText('Narnia')).toBeNull();
    expect(jurisdictionName('UPC')).toBe('Unified Patent Court (UPC)');
  });
});
