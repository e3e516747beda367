import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { expectSampleOpened, openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

test.describe('accessibility', () => {
  test('the list and every tab of the dispute page have no serious or critical violation', async ({
    app,
  }) => {
    const page = app.page;
    expect(await seriousViolations(page)).toEqual([]);
    await openSampleCaseFile(page);
    const dispute = new DisputePage(page);
    for (const tab of ['Overview', 'Parties', 'Proceedings', 'Patents', 'Resolution', 'History']) {
      await dispute.tab(tab);
      expect(await seriousViolations(page), `tab ${tab}`).toEqual([]);
    }
    await dispute.tab('Patents');
    // The README shows the dispute page as this test leaves it.
    await page.screenshot({
      path: fileURLToPath(new URL('../../resources/screenshots/dispute-page.png', import.meta.url)),
    });
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await expect(page.getByRole('table', { name: 'Disputes' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New dispute' }).click();
    await expect(page.getByRole('dialog', { name: 'New dispute' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the keyboard alone reaches a dispute and its tabs', async ({ app }) => {
    const page = app.page;
    const openSample = page.getByRole('button', { name: 'Open the sample case file' });
    await openSample.focus();
    await expect(openSample).toBeFocused();
    await page.keyboard.press('Enter');
    await expectSampleOpened(page);
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Parties' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table', { name: 'Parties' })).toBeVisible();
  });
});
