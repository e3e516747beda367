import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { openSampleCaseFile } from './models/welcome';

test.describe('keeping a dispute', () => {
  test('a new user records a whole dispute and finds every field after a restart', async ({
    app,
  }) => {
    let page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    const list = new DisputesList(page);
    await list.create({
      title: 'Acme Optics v. Widget Devices',
      matterNumber: 'LIT-2024-017',
      ourRole: 'Plaintiff / claimant',
      status: 'Active',
      openedOn: '2024-05-06',
      summary: 'Widget’s W9 camera module infringes our autofocus patents.',
    });
    const dispute = new DisputePage(page);
    await dispute.addParty({
      newOrganisation: 'Acme Optics GmbH',
      role: 'Plaintiff',
      ourSide: true,
    });
    await dispute.addParty({
      newOrganisation: 'Widget Devices Inc.',
      role: 'Defendant',
      counsel: 'Hale & Partners LLP',
    });
    await dispute.addProceeding({
      forum: 'U.S. District Court for the District of Delaware',
      country: 'United States',
      caseNumber: '1:24-cv-00617',
      judge: 'Judge R. Example',
      filedOn: '2024-05-06',
      stage: 'Claim construction',
    });
    await dispute.addPatent({
      number: 'US 10,000,001',
      jurisdiction: 'US',
      title: 'Autofocus actuator',
      technology: 'Camera autofocus',
      owner: 'Acme Optics GmbH',
      claims: '1-5, 9',
    });
    await dispute.addPatent({
      number: 'US 10,000,002',
      jurisdiction: 'US',
      technology: 'Image stabilisation',
      sep: true,
      claims: '12',
      status: 'Held invalid',
    });
    await dispute.recordOutcome({
      kind: 'Licence',
      date: '2025-02',
      licenceType: 'Non-exclusive licence',
      territory: 'Worldwide',
      term: 'Until the last patent expires',
      consideration: 'Lump sum',
      scope: 'Camera modules',
    });

    page = await app.restart();
    const again = new DisputesList(page);
    await again.goto();
    const row = again.row('Acme Optics v. Widget Devices');
    await expect(row).toContainText('Plaintiff / claimant');
    await expect(row).toContainText('Widget Devices Inc.');
    await expect(row).not.toContainText('Acme Optics GmbH');
    await expect(row).toContainText(
      'U.S. District Court for the District of Delaware (United States)',
    );
    await expect(row.getByRole('cell').nth(5)).toHaveText('2');
    await row.getByRole('link', { name: 'Acme Optics v. Widget Devices' }).click();

    const reopened = new DisputePage(page);
    await expect(reopened.fact('Matter number')).toHaveText('LIT-2024-017');
    await expect(reopened.fact('Opened')).toHaveText('6 May 2024');
    await expect(reopened.fact('Summary')).toHaveText(
      'Widget’s W9 camera module infringes our autofocus patents.',
    );

    await reopened.tab('Parties');
    const parties = page.getByRole('table', { name: 'Parties' });
    await expect(parties.getByRole('row', { name: /Acme Optics GmbH/ })).toContainText('Our side');
    await expect(parties.getByRole('row', { name: /Widget Devices Inc\./ })).toContainText(
      'Hale & Partners LLP',
    );

    await reopened.tab('Proceedings');
    const proceeding = page.getByRole('table', { name: 'Proceedings' }).getByRole('row').nth(1);
    for (const text of [
      '1:24-cv-00617',
      'Judge R. Example',
      '6 May 2024',
      'Claim construction',
      'United States',
    ]) {
      await expect(proceeding).toContainText(text);
    }

    await reopened.tab('Patents');
    const patents = page.getByRole('table', { name: 'Patents and assertions' });
    await expect(patents.getByRole('row', { name: /US 10,000,001/ })).toContainText('1-5, 9');
    await expect(patents.getByRole('row', { name: /US 10,000,001/ })).toContainText(
      'Acme Optics GmbH',
    );
    await expect(patents.getByRole('row', { name: /US 10,000,002/ })).toContainText('Held invalid');
    await expect(patents.getByRole('row', { name: /US 10,000,002/ })).toContainText('SEP');

    await reopened.tab('Resolution');
    await expect(reopened.fact('Outcome')).toHaveText('Licence');
    await expect(reopened.fact('Date')).toHaveText('February 2025');
    await expect(reopened.fact('Territory')).toHaveText('Worldwide');
    await expect(reopened.fact('Consideration')).toHaveText('Lump sum');

    await reopened.tab('History');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Opened the dispute “Acme Optics v. Widget Devices”');
    await expect(history).toContainText('Outcome: Not recorded → Licence');
    await expect(history).toContainText('Licence territory: Not recorded → Worldwide');
    await expect(history).toContainText('Added Widget Devices Inc. as defendant');
  });

  test('a form refuses bad input by its field and saves nothing', async ({ app }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('button', { name: 'New dispute' }).click();
    const dialog = page.getByRole('dialog', { name: 'New dispute' });
    await dialog.getByLabel('Opened').fill('2023-02-30');
    await dialog.getByRole('button', { name: 'Create dispute' }).click();
    await expect(
      dialog.getByText('Give the dispute a title, such as "Huawei v. Xiaomi".'),
    ).toBeVisible();
    await expect(dialog.getByText(/Enter a real date/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('No disputes yet.')).toBeVisible();
  });

  test('deleting a dispute asks first and takes its proceedings with it', async ({ app }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(page).create({ title: 'Short-lived v. Example' });
    const dispute = new DisputePage(page);
    await dispute.addProceeding({ forum: 'High Court', country: 'United Kingdom' });
    await dispute.tab('Overview');
    await dispute.more('Delete dispute…');
    const confirm = page.getByRole('dialog', { name: 'Delete “Short-lived v. Example”?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(
      page.getByRole('heading', { name: 'Short-lived v. Example', level: 1 }),
    ).toBeVisible();
    await dispute.more('Delete dispute…');
    await confirm.getByRole('button', { name: 'Delete dispute' }).click();
    await expect(page.getByRole('heading', { name: 'Disputes', level: 1 })).toBeVisible();
    await expect(page.getByText('No disputes yet.')).toBeVisible();
  });

  test('the list filters by status and text and sorts by column', async ({ app }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const list = new DisputesList(page);
    await list.goto();
    await expect(list.table.getByRole('row')).toHaveCount(4);
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Stayed' }).click();
    await expect(list.table.getByRole('row')).toHaveCount(2);
    await expect(list.table).toContainText('Lumen Displays');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'All statuses' }).click();
    await expect(list.table.getByRole('row')).toHaveCount(4);
    await page.getByLabel('Search disputes').fill('xiaomi');
    await expect(list.table.getByRole('row')).toHaveCount(2);
    await page.getByLabel('Search disputes').fill('');
    await page.getByRole('button', { name: 'Title' }).click();
    await expect(page.getByRole('columnheader', { name: /Title/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(list.table.getByRole('row').nth(1)).toContainText('Huawei v. Xiaomi');
    await page.getByRole('button', { name: /Title/ }).click();
    await expect(list.table.getByRole('row').nth(1)).toContainText('Orion Mobile');
  });
});
