import { AxeBuilder } from '@axe-core/playwright';
import { parsePrintRoute } from '../../shared/print-options';
import { textPdf } from '../fixtures/pdfs';
import { expect, test } from './fixtures';
import { DisputesList } from './models/disputes-list';
import { DocumentsTab } from './models/documents';
import { choose } from './models/mantine';
import { Printing } from './models/printing';

test.describe('exhibits', () => {
  test('numbers documents as exhibits, reorders them by keyboard, and prints the list', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(page).create({ title: 'Exhibit v. List' });
    const documents = new DocumentsTab(page);
    await documents.open();
    await documents.attachThroughChooser([
      {
        name: 'Claim chart.pdf',
        mimeType: 'application/pdf',
        buffer: await textPdf([['Claim chart'], ['page 2'], ['page 3']]),
      },
      {
        name: 'Licence offer.pdf',
        mimeType: 'application/pdf',
        buffer: await textPdf([['Offer']]),
      },
    ]);
    await documents.expectRow('Claim chart', /3\s*Text extracted/);
    await documents.edit('Claim chart', { filedBy: 'Plaintiff' });

    const exhibits = page.getByRole('region', { name: 'Exhibits' });
    await exhibits.getByRole('textbox', { name: 'Exhibit prefix' }).fill('PX-');
    await exhibits.getByRole('textbox', { name: 'First number' }).fill('7');
    await exhibits.getByRole('button', { name: 'Save numbering' }).click();
    for (const title of ['Claim chart', 'Licence offer']) {
      await choose(exhibits, 'Add a document as exhibit', title);
      await exhibits.getByRole('button', { name: 'Add exhibit' }).click();
    }
    const list = exhibits.getByRole('table', { name: 'Exhibit list' });
    await expect(list.getByRole('row').nth(1)).toContainText('PX-007Claim chart');
    await expect(list.getByRole('row').nth(2)).toContainText('PX-008Licence offer');

    // Alt+↑ on a focused row moves it up; the numbers follow the order.
    await list.getByRole('row', { name: 'PX-008 Licence offer' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(list.getByRole('row').nth(1)).toContainText('PX-007Licence offer');
    await expect(list.getByRole('row').nth(2)).toContainText('PX-008Claim chart');

    const axe = await new AxeBuilder({ page })
      .include('#exhibits-heading')
      .include('table[aria-label="Exhibit list"]')
      .analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      'exhibit list',
    ).toEqual([]);

    const printing = new Printing(page);
    const dialog = await printing.openDialog();
    await printing.captureBrowserPrints();
    const printed = await printing.printFromDialog(dialog, 'Save as PDF…');
    const parsed = parsePrintRoute(printed.hash.slice(1));
    if (parsed.kind !== 'summary') throw new Error('not a summary route');
    expect(parsed.choices.sections).toContain('exhibits');
    const pdf = await printing.pdf(
      printed.hash.slice(1),
      parsed.choices,
      testInfo.outputPath('exhibits.pdf'),
    );
    const text = pdf.text();
    expect(text).toContain('Exhibit list');
    expect(text).toMatch(/Exhibit\s+Title\s+Date\s+Filed by\s+Pages/);
    expect(text).toMatch(/PX-007\s+Licence offer\s+Not recorded\s+Not recorded\s+1/);
    expect(text).toMatch(/PX-008\s+Claim chart\s+Not recorded\s+Plaintiff\s+3/);
    expect(text.indexOf('PX-007')).toBeLessThan(text.indexOf('PX-008'));
  });
});
