import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { expectSampleOpened, openSampleCaseFile } from './models/welcome';

test.describe('the sample case file', () => {
  test('opens from the welcome screen and shows Huawei v. Xiaomi whole', async ({ app }) => {
    const page = app.page;
    await expect(page.getByRole('heading', { name: 'Welcome to Casefile' })).toBeVisible();
    await openSampleCaseFile(page);
    const dispute = new DisputePage(page);
    await expect(dispute.fact('Opened')).toHaveText('March 2023');
    await expect(dispute.fact('Status')).toHaveText('Settled');

    await dispute.tab('Parties');
    const parties = page.getByRole('table', { name: 'Parties' });
    await expect(
      parties.getByRole('row', { name: /Huawei Technologies Co\., Ltd\./ }),
    ).toContainText('Plaintiff');
    await expect(parties.getByRole('row', { name: /Xiaomi Corporation/ })).toContainText(
      'Defendant',
    );

    await dispute.tab('Proceedings');
    const proceedings = page.getByRole('table', { name: 'Proceedings' });
    await expect(proceedings.getByRole('row')).toHaveCount(2);
    await expect(proceedings).toContainText('China');
    await expect(proceedings).toContainText('March 2023');

    await dispute.tab('Patents');
    const patents = page.getByRole('table', { name: 'Patents and assertions' });
    await expect(patents.getByRole('row')).toHaveCount(5);
    for (const technology of [
      /wireless communication/i,
      /smartphone photography/i,
      /screen lock/i,
    ]) {
      await expect(patents).toContainText(technology);
    }

    await dispute.tab('Resolution');
    await expect(dispute.fact('Outcome')).toHaveText('Cross-licence');
    await expect(dispute.fact('Territory')).toContainText('Global');
    await expect(dispute.fact('Scope')).toContainText('5G');
    await expect(dispute.fact('Resolution text')).toContainText('strategic cooperation agreement');
  });

  test('can be opened later from the menu, without duplicating anything', async ({ app }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expect(page.getByText('No disputes yet.')).toBeVisible();
    for (let i = 0; i < 2; i += 1) {
      await page.getByRole('button', { name: 'Casefile menu' }).click();
      await page.getByRole('menuitem', { name: 'Open the sample case file' }).click();
      await expectSampleOpened(page);
    }
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await expect(page.getByRole('table', { name: 'Disputes' }).getByRole('row')).toHaveCount(4);
  });
});
