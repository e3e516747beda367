import { expect, test } from './fixtures';
import { Dashboard } from './models/dashboard';
import { DisputesList } from './models/disputes-list';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

test.describe('the Home dashboard', () => {
  test.beforeEach(async ({ app }) => {
    await openSampleCaseFile(app.page);
  });

  test('draws the docket, and a bar opens the disputes list filtered to it', async ({ app }) => {
    const page = app.page;
    const dashboard = new Dashboard(page);
    await dashboard.goto();
    const byStatus = dashboard.chart('Open disputes by status');
    // Each chart is an image named by what it shows, with its figures as a table.
    await expect(byStatus.getByRole('img').first()).toHaveAccessibleName(
      'Open disputes by status. Assessment: Disputes 0; Active: Disputes 1; Stayed: Disputes 1; On appeal: Disputes 0.',
    );
    await byStatus.getByText('Figures').click();
    await expect(
      byStatus.getByRole('table', { name: 'Open disputes by status: figures' }),
    ).toContainText('Stayed');
    await expect(dashboard.chart('Outcomes per year')).toContainText('Licence');

    await dashboard.clickBar('Open disputes by status', 'Stayed');
    await expect(page).toHaveURL(/#\/disputes\?status=stayed$/);
    const list = new DisputesList(page);
    await expect(list.table.getByRole('row')).toHaveCount(2);
    await expect(list.table).toContainText('Lumen Displays');

    // The same through the figures' links, by keyboard.
    await dashboard.goto();
    const byCountry = dashboard.chart('Open disputes by country');
    await byCountry.getByText('Figures').click();
    await byCountry.getByRole('link', { name: '1' }).first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/disputes\?status=open&country=/);
    await expect(list.table.getByRole('row')).toHaveCount(2);
  });

  test('has no serious or critical accessibility violation', async ({ app }) => {
    const page = app.page;
    const dashboard = new Dashboard(page);
    await dashboard.goto();
    await expect(
      dashboard.chart('Disputes opened and closed per year').locator('svg').first(),
    ).toBeVisible();
    await dashboard.chart('Outcomes per year').getByText('Figures').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
