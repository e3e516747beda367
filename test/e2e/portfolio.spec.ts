import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { choose, chooseJurisdiction } from './models/mantine';
import { OrganisationsPage } from './models/organisations';
import { PatentsPage } from './models/patents';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

test.describe('organisations and patents across disputes', () => {
  test('the sample’s Xiaomi is on the Organisations page with its dispute, and both pages pass axe', async ({
    app,
  }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const organisations = new OrganisationsPage(page);
    await organisations.goto();
    const xiaomi = organisations.disputesOf('Xiaomi Corporation');
    const row = xiaomi.getByRole('row', { name: /Huawei v\. Xiaomi/ });
    await expect(row).toContainText('Defendant (counterparty)');
    await expect(row).toContainText('Settled');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Company name').fill('XIAOMI corp.');
    const matches = page.getByRole('list', { name: 'Matching organisations' });
    await expect(matches).toContainText('Xiaomi Corporation');
    await expect(matches).toContainText('Counterparty in 1 other dispute');

    const patents = new PatentsPage(page);
    await patents.goto();
    await expect(patents.patent('EP 9 900 001')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('Xiaomi added to a new dispute shows its other dispute at once; a second record merges and the merge undoes', async ({
    app,
  }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const list = new DisputesList(page);
    await list.goto();
    await list.create({ title: 'Xiaomi licensing talks', ourRole: 'Licensor' });
    const dispute = new DisputePage(page);
    await dispute.tab('Parties');
    await page.getByRole('button', { name: 'Add party' }).click();
    const dialog = dispute.dialog('Add party');
    const field = dialog.getByRole('combobox', { name: 'Organisation' });
    await expect(field).toBeFocused();
    await field.fill('xiaomi');
    await expect(page.getByRole('option', { name: 'Xiaomi Corporation' })).toBeVisible();
    // Enter picks the suggestion; it does not submit the dialog.
    await field.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(field).toHaveValue('Xiaomi Corporation');
    await expect(dialog.getByRole('alert')).toContainText(
      'Xiaomi Corporation: Counterparty in 1 other dispute',
    );
    await expect(dialog.getByRole('alert')).toContainText(
      'Huawei v. Xiaomi: Defendant, counterparty',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A second record of the same company, typed another way.
    await dispute.addParty({ newOrganisation: 'Xiaomi Corp', role: 'Licensee' });

    const organisations = new OrganisationsPage(page);
    await organisations.goto();
    await expect(organisations.organisation('Xiaomi Corp')).toBeVisible();
    await organisations.merge('Xiaomi Corp', 'Xiaomi Corporation');
    await expect(organisations.organisation('Xiaomi Corp')).toBeHidden();
    await expect(organisations.organisation('Xiaomi Corporation')).toContainText(
      'Also known as: Xiaomi Corp',
    );
    const merged = organisations.disputesOf('Xiaomi Corporation');
    await expect(merged.getByRole('row')).toHaveCount(3);
    await expect(merged).toContainText('Xiaomi licensing talks');

    await page.getByRole('button', { name: 'Undo merge' }).click();
    await expect(organisations.organisation('Xiaomi Corp')).toBeVisible();
    await expect(organisations.disputesOf('Xiaomi Corp')).toContainText('Xiaomi licensing talks');
    await expect(organisations.organisation('Xiaomi Corporation')).not.toContainText(
      'Also known as',
    );
    await expect(organisations.disputesOf('Xiaomi Corporation').getByRole('row')).toHaveCount(2);
  });

  test('a patent asserted in two disputes is one patent with both assertions; bad numbers and places are refused', async ({
    app,
  }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    const list = new DisputesList(page);
    const dispute = new DisputePage(page);
    for (const [title, forum] of [
      ['Acme v. Widget', 'Munich Regional Court'],
      ['Acme v. Gadget', 'Düsseldorf Regional Court'],
    ] as const) {
      await list.goto();
      await list.create({ title, ourRole: 'Plaintiff / claimant' });
      await dispute.addProceeding({ forum, country: 'Germany', filedOn: '2024-03' });
    }
    await dispute.addPatent({ number: 'EP1234567', jurisdiction: 'EP', claims: '1-3' });

    // The form: jurisdictions come from the list only, and a number must fit its office's form.
    await page.getByRole('button', { name: 'Add patent' }).click();
    const form = dispute.dialog('Add patent');
    await form.getByRole('combobox', { name: 'Jurisdiction' }).fill('Narnia');
    await expect(page.getByText('No country or office of that name')).toBeVisible();
    await form.getByRole('combobox', { name: 'Jurisdiction' }).fill('');
    await chooseJurisdiction(form, 'US');
    await form.getByLabel('Patent number').fill('banana');
    await form.getByRole('button', { name: 'Add patent' }).click();
    await expect(
      form.getByText(/Not a valid US patent number\. Write it as US 10,123,456 B2/),
    ).toBeVisible();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toBeHidden();

    await list.goto();
    await list.row('Acme v. Widget').getByRole('link', { name: 'Acme v. Widget' }).click();
    await dispute.addPatent({ number: 'EP 1 234 567 B1', jurisdiction: 'EP', claims: '1, 4' });

    const patents = new PatentsPage(page);
    await patents.goto();
    await expect(page.getByRole('article')).toHaveCount(1);
    const assertions = patents.assertionsOf('EP 1 234 567');
    await expect(assertions.getByRole('row')).toHaveCount(3);
    await expect(assertions.getByRole('row', { name: /Acme v\. Widget/ })).toContainText(
      'Munich Regional Court (Germany)',
    );
    await expect(assertions.getByRole('row', { name: /Acme v\. Widget/ })).toContainText('1, 4');
    await expect(assertions.getByRole('row', { name: /Acme v\. Gadget/ })).toContainText('1-3');

    // "How it fared" reads every patent's assertions once chosen, not before.
    await choose(page, 'How it fared', 'Held invalid');
    await expect(page.getByText('No patent matches these filters.')).toBeVisible();
    await choose(page, 'How it fared', 'Asserted');
    await expect(page.getByRole('article')).toHaveCount(1);
  });
});
