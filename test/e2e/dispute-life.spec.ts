import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { choose } from './models/mantine';
import { NotesTab } from './models/notes';
import { Printing } from './models/printing';

test.describe('a dispute’s life: status, outcome and closed date', () => {
  test.beforeEach(async ({ app }) => {
    await app.page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(app.page).create({
      title: 'Acme Optics v. Widget Devices',
      status: 'Active',
      openedOn: '2024-05-06',
    });
  });

  test('an empty "Record settlement" is refused and changes nothing', async ({ app }) => {
    const page = app.page;
    const notes = new NotesTab(page);
    await notes.open();
    await page.getByRole('button', { name: 'Record settlement' }).click();
    const dialog = notes.dialog('Record settlement');
    await dialog.getByRole('button', { name: 'Record settlement' }).click();
    await expect(
      dialog.getByRole('combobox', { name: 'Outcome', exact: true }),
    ).toHaveAccessibleDescription(/Choose what ended the dispute/);
    await expect(dialog.getByLabel('Date of the outcome')).toHaveAccessibleDescription(
      /Enter the date of the outcome, or tick “Date not given”/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No notes yet.')).toBeVisible();
    const dispute = new DisputePage(page);
    await dispute.tab('Overview');
    await expect(dispute.fact('Status')).toHaveText('Active');
    await expect(dispute.fact('Closed')).toHaveText('Still open');
  });

  test('recording, removing and re-recording an outcome keeps status, closed date and chronology true', async ({
    app,
  }) => {
    const page = app.page;
    const dispute = new DisputePage(page);

    // A licence recorded on the Resolution tab settles the dispute; the dialog says so first.
    await dispute.tab('Resolution');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    let dialog = dispute.dialog('Record outcome');
    await choose(dialog, 'Outcome', 'Licence');
    await dialog.getByLabel('Date of the outcome').fill('2025-03-10');
    const preview = dialog.getByRole('alert').filter({ hasText: 'What will change' });
    await expect(preview).toContainText('Status: Active → Settled');
    await expect(preview).toContainText('Closed: 10 March 2025');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await expect(dialog).toBeHidden();
    await dispute.tab('Overview');
    await expect(dispute.fact('Status')).toHaveText('Settled');
    await expect(dispute.fact('Closed')).toHaveText('10 March 2025');

    // Removing it returns the dispute to what it was.
    await dispute.tab('Resolution');
    await page.getByRole('button', { name: 'Remove outcome' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the outcome?' });
    await expect(confirm).toContainText('Status: Settled → Active');
    await confirm.getByRole('button', { name: 'Remove outcome' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No outcome recorded')).toBeVisible();
    await dispute.tab('Overview');
    await expect(dispute.fact('Status')).toHaveText('Active');
    await expect(dispute.fact('Closed')).toHaveText('Still open');

    // A status edited by hand against the rule is refused by its field, with the reason.
    await page.getByRole('button', { name: 'Edit overview' }).click();
    const overview = dispute.dialog('Edit overview');
    await choose(overview, 'Status', 'Settled');
    await overview.getByRole('button', { name: 'Save overview' }).click();
    await expect(
      overview.getByRole('combobox', { name: 'Status', exact: true }),
    ).toHaveAccessibleDescription(/A settlement is recorded as an outcome/);
    await overview.getByRole('button', { name: 'Cancel' }).click();
    await expect(dispute.fact('Status')).toHaveText('Active');

    // A later judgment closes it on the judgment's date.
    await dispute.recordOutcome({ kind: 'Judgment', date: '2025-11' });
    await dispute.tab('Overview');
    await expect(dispute.fact('Status')).toHaveText('Closed');
    await expect(dispute.fact('Closed')).toHaveText('November 2025');

    // The summary's chronology ends with the judgment, and says nothing of the removed licence.
    const printing = new Printing(page);
    const print = await printing.openDialog();
    const chronology = print.getByRole('table', { name: 'Chronology' });
    await expect(chronology).toContainText('Judgment');
    await expect(chronology).toContainText('November 2025');
    await expect(chronology).not.toContainText('Licence');
    await expect(chronology).not.toContainText('March 2025');
  });

  test('an outcome dated in the future must be confirmed', async ({ app }) => {
    const page = app.page;
    const dispute = new DisputePage(page);
    await dispute.tab('Resolution');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    const dialog = dispute.dialog('Record outcome');
    await choose(dialog, 'Outcome', 'Settlement');
    await dialog.getByLabel('Date of the outcome').fill('2199-01-01');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    const confirm = dialog.getByRole('checkbox', {
      name: /dated in the future \(1 January 2199\)/,
    });
    await expect(confirm).toHaveAccessibleDescription(/tick the box to confirm/);
    await confirm.check();
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await expect(dialog).toBeHidden();
    await dispute.tab('Overview');
    await expect(dispute.fact('Closed')).toHaveText('1 January 2199');
  });
});
