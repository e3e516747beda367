import { expect, test } from './fixtures';
import { Dashboard } from './models/dashboard';
import { DisputePage } from './models/dispute-page';
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

    // A chart of two series: named in its legend, and the bar of the series chosen opens its list.
    await dashboard.goto();
    const perYear = dashboard.chart('Disputes opened and closed per year');
    await expect(perYear.getByRole('img').first()).toHaveAccessibleName(
      'Disputes opened and closed per year. 2023: Opened 1, Closed 0; 2025: Opened 1, Closed 0; 2026: Opened 1, Closed 0.',
    );
    await expect(perYear.locator('.cf-bars-legend')).toHaveText('Opened');
    await dashboard.clickBar('Disputes opened and closed per year', '2025', 'Opened');
    await expect(page).toHaveURL(/#\/disputes\?opened=2025$/);
    await expect(list.table.getByRole('row')).toHaveCount(2);

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

  test('keeps its figures on screen, marked as updating, while a change is counted in', async ({
    app,
  }) => {
    const page = app.page;
    const dashboard = new Dashboard(page);
    await dashboard.goto();
    await expect(dashboard.region).toContainText('2 open of 3 disputes');
    // From now on, note whether the dashboard ever shows its loader again, and whether it ever
    // says that the figures shown are from before the change.
    await page.evaluate(() => {
      const region = document.querySelector('section[aria-labelledby="cf-dashboard-title"]')!;
      const seen = { loader: false, updating: false };
      Object.assign(window, { dashboardSeen: seen });
      new MutationObserver(() => {
        if (region.querySelector('[aria-label="Loading the dashboard"]')) seen.loader = true;
        if (
          region.getAttribute('aria-busy') === 'true' &&
          region.textContent?.includes('Updating: these are the figures before the latest change')
        )
          seen.updating = true;
      }).observe(region, { childList: true, subtree: true, attributes: true });
    });

    // The change is made in a second window of the app while Home stays open in the first.
    const other = await app.context.newPage();
    await other.goto('/index.html');
    const list = new DisputesList(other);
    await list.goto();
    await list.table.getByRole('link', { name: /Lumen Displays/ }).click();
    await new DisputePage(other).recordOutcome({ kind: 'Judgment', date: '2025-06' });

    await expect(dashboard.region).toContainText('1 open of 3 disputes');
    await expect(dashboard.region).not.toHaveAttribute('aria-busy');
    expect(
      await page.evaluate(() => (window as unknown as { dashboardSeen: unknown }).dashboardSeen),
    ).toEqual({
      loader: false,
      updating: true,
    });
  });
});
