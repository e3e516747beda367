import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { OrganisationsPage } from './models/organisations';
import { PatentsPage } from './models/patents';
import { openSampleCaseFile } from './models/welcome';

/** Reads a CSV file back with Python's csv module, as another tool would. */
function readCsvWithPython(path: string): { bom: boolean; rows: string[][] } {
  const script = [
    'import csv, json, sys',
    'raw = open(sys.argv[1], "rb").read()',
    'bom = raw.startswith(b"\\xef\\xbb\\xbf")',
    'with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:',
    '    rows = list(csv.reader(f))',
    'print(json.dumps({"bom": bom, "rows": rows}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as {
    bom: boolean;
    rows: string[][];
  };
}

test.describe('the disputes list at scale: filters in the address, exports', () => {
  test.beforeEach(async ({ app }) => {
    await openSampleCaseFile(app.page);
  });

  test('takes its filters from the address and writes them back', async ({ app }) => {
    const page = app.page;
    const list = new DisputesList(page);
    await page.goto('/index.html#/disputes?status=stayed');
    await expect(list.table.getByRole('row')).toHaveCount(2);
    await expect(list.table).toContainText('Lumen Displays');
    await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('Stayed');
    await expect(list.table).toHaveAttribute('aria-rowcount', '2');
    await expect(list.table.getByRole('row').nth(1)).toHaveAttribute('aria-rowindex', '2');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(list.table.getByRole('row')).toHaveCount(4);
    await page.getByRole('combobox', { name: 'Country', exact: true }).click();
    await page.getByRole('option', { name: 'Germany', exact: true }).click();
    await expect(page).toHaveURL(/#\/disputes\?country=Germany$/);
    await expect(list.table.getByRole('row')).toHaveCount(2);
    await expect(list.table).toContainText('Orion Mobile v. Nimbus Devices');

    await page.getByLabel('Search disputes').fill('nothing like this');
    await expect(page).toHaveURL(/q=nothing\+like\+this/);
    await expect(page.getByText('No dispute matches these filters.')).toBeVisible();
    // A bookmark of the filtered list opens it the same way after a restart.
    const bookmark = page.url();
    const again = await app.restart();
    await again.goto(bookmark);
    await expect(again.getByLabel('Search disputes')).toHaveValue('nothing like this');
    await expect(again.getByText('No dispute matches these filters.')).toBeVisible();
  });

  test('exports the list as filtered to CSV and Excel', async ({ app }) => {
    const page = app.page;
    const list = new DisputesList(page);
    await list.goto();
    await list.create({ title: '小米科技 与 示例公司 (测试), "quoted"', matterNumber: 'CN-1' });
    await page.goto('/index.html#/disputes?q=%E5%B0%8F%E7%B1%B3');
    await expect(list.table.getByRole('row')).toHaveCount(2);

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readCsvWithPython(await (await csvDownload).path());
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual([
      'Title',
      'Matter number',
      'Our role',
      'Counterparties',
      'Status',
      'Forums',
      'Patents',
      'Opened',
      'Last change',
    ]);
    expect(csv.rows).toHaveLength(2);
    expect(csv.rows[1]!.slice(0, 2)).toEqual(['小米科技 与 示例公司 (测试), "quoted"', 'CN-1']);

    await page.goto('/index.html#/disputes?status=stayed');
    await expect(list.table.getByRole('row')).toHaveCount(2);
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Excel' }).click();
    const file = await xlsxDownload;
    expect(file.suggestedFilename()).toMatch(/^Disputes \(filtered\) \d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.getWorksheet('Disputes')!;
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getCell('A2').value)).toContain('Lumen Displays');
    expect(sheet.getCell('E2').value).toBe('Stayed');
    // "Last change" is a real date, not text.
    expect(sheet.getCell('I2').value).toBeInstanceOf(Date);
  });

  test('exports the Organisations and Patents pages to CSV and Excel, Chinese names intact', async ({
    app,
  }) => {
    const page = app.page;
    const list = new DisputesList(page);
    const dispute = new DisputePage(page);
    await list.goto();
    await list.create({ title: '许可谈判 (test)', ourRole: 'Plaintiff / claimant' });
    await dispute.addParty({
      newOrganisation: '华为技术有限公司',
      role: 'Licensee',
      counsel: '金杜律师事务所',
    });
    // A patent is asserted in a proceeding.
    await dispute.addProceeding({
      forum: 'Munich Regional Court',
      country: 'Germany',
      filedOn: '2024-03',
    });
    await dispute.addPatent({
      number: 'EP1234567',
      jurisdiction: 'EP',
      title: '一种通信方法, "quoted"',
      claims: '1-3',
    });

    const organisations = new OrganisationsPage(page);
    await organisations.goto();
    await page.getByLabel('Filter organisations').fill('华为');
    await expect(organisations.organisation('华为技术有限公司')).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    const orgCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const orgFile = await orgCsv;
    expect(orgFile.suggestedFilename()).toMatch(
      /^Organisations \(filtered\) \d{4}-\d{2}-\d{2}\.csv$/,
    );
    const orgRows = readCsvWithPython(await orgFile.path());
    expect(orgRows.bom).toBe(true);
    expect(orgRows.rows).toEqual([
      [
        'Organisation',
        'Also known as',
        'Dispute',
        'Our role',
        'Its role',
        'Status',
        'Outside counsel',
      ],
      [
        '华为技术有限公司',
        '',
        '许可谈判 (test)',
        'Plaintiff / claimant',
        'Licensee (counterparty)',
        'Active',
        '金杜律师事务所',
      ],
    ]);
    // The note that it was saved sits over the buttons until dismissed.
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    const orgXlsx = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Excel' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await orgXlsx).path());
    const sheet = workbook.getWorksheet('Organisations')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('A2').value).toBe('华为技术有限公司');

    const patents = new PatentsPage(page);
    await patents.goto();
    const patentCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const patentRows = readCsvWithPython(await (await patentCsv).path()).rows;
    expect(patentRows[0]).toEqual([
      'Number',
      'Title',
      'SEP',
      'Owner',
      'Owner side',
      'Jurisdiction',
      'Family',
      'Technology',
      'Expires',
      'Dispute',
      'Proceeding and forum',
      'Claims',
      'How it fared',
      'Filed',
      'Closed',
    ]);
    const ours = patentRows.filter((row) => row[1] === '一种通信方法, "quoted"');
    expect(ours).toHaveLength(1);
    expect(ours[0]![9]).toBe('许可谈判 (test)');
    expect(ours[0]![11]).toBe('1-3');
    // The sample's patents are there too: every patent the page lists.
    expect(patentRows.length).toBeGreaterThan(2);
  });
});
