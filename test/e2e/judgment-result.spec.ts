import { defaultSummaryChoices, summaryRoute } from '../../shared/print-options';
import { expect, test } from './fixtures';
import { Dashboard } from './models/dashboard';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { choose } from './models/mantine';
import { Printing } from './models/printing';

test.describe('a judgment’s result', () => {
  test('is asked when the outcome is a judgment, counted as won or lost on the dashboard, and printed', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    const list = new DisputesList(page);
    await list.create({ title: 'Acme Optics v. Widget Devices', status: 'Active' });
    await list.goto();
    await list.create({ title: 'Widget Devices v. Acme Optics', status: 'Active' });
    const dispute = new DisputePage(page);

    await dispute.tab('Resolution');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    const dialog = dispute.dialog('Record outcome');
    const result = dialog.getByRole('combobox', { name: 'How the judgment went for us' });
    await choose(dialog, 'Outcome', 'Settlement');
    await expect(result).toBeHidden();
    await choose(dialog, 'Outcome', 'Judgment');
    await expect(result).toHaveValue('Not recorded');
    await choose(dialog, 'How the judgment went for us', 'Against us');
    await dialog.getByLabel('Date of the outcome').fill('2025-11-04');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await expect(dialog).toBeHidden();
    await expect(dispute.fact('Outcome')).toHaveText('Judgment (against us)');

    // The other dispute ends in a judgment whose result is not recorded.
    await list.goto();
    await list.table.getByRole('link', { name: 'Acme Optics v. Widget Devices' }).click();
    await dispute.recordOutcome({ kind: 'Judgment', date: '2025-06' });
    await expect(dispute.fact('Outcome')).toHaveText('Judgment (result not recorded)');

    const dashboard = new Dashboard(page);
    await dashboard.goto();
    const outcomes = dashboard.chart('Outcomes per year');
    await outcomes.getByText('Figures').click();
    const figures = outcomes.getByRole('table', { name: 'Outcomes per year: figures' });
    await expect(figures.getByRole('columnheader')).toContainText([
      'Judgment won',
      'Judgment lost',
      'Judgment, mixed or not recorded',
    ]);
    const row = figures.getByRole('row', { name: /^2025/ });
    await expect(row.getByRole('cell')).toHaveText(['0', '0', '0', '0', '1', '1', '0']);
    await row.getByRole('link', { name: '1' }).first().click();
    await expect(page).toHaveURL(/outcome=judgment-lost/);
    await expect(list.table.getByRole('row')).toHaveCount(2);
    await expect(list.table).toContainText('Widget Devices v. Acme Optics');

    // The case summary prints it.
    await list.table.getByRole('link', { name: 'Widget Devices v. Acme Optics' }).click();
    const printing = new Printing(page);
    const disputeId = await printing.disputeId();
    const pdf = await printing.pdf(
      summaryRoute(disputeId, defaultSummaryChoices('')),
      defaultSummaryChoices(''),
      testInfo.outputPath('judgment.pdf'),
    );
    const text = pdf.text();
    expect(text).toMatch(/Resolution and licence terms\s+Outcome\s+Date\s+Judgment \(against us\)/);
    expect(text).toMatch(/Chronology[\s\S]*4 November 2025\s+Judgment \(against us\)/);
  });
});
