import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DeadlinesTab, HomeScreen, isoDaysFromToday } from './models/deadlines';
import { DisputePage } from './models/dispute-page';
import { Trash } from './models/trash';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

/** Deletes the first item of the open tab, checks it is gone, undoes it, checks it is back. */
async function deleteAndUndo(page: Page, items: Locator, confirmLabel: string) {
  await expect(items.first()).toBeVisible();
  const before = await items.count();
  await page
    .getByRole('tabpanel')
    .getByRole('button', { name: /^(Remove|Delete) / })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: confirmLabel }).click();
  await expect(items).toHaveCount(before - 1);
  await new Trash(page).undo();
  await expect(items).toHaveCount(before);
}

test.describe('nothing destructive without a way back', () => {
  test.beforeEach(async ({ app }) => {
    const page = app.page;
    await openSampleCaseFile(page);
  });

  test('every delete and "Mark done" can be undone from its notice', async ({ app }) => {
    const page = app.page;
    const dispute = new DisputePage(page);
    const rows = () => page.getByRole('tabpanel').getByRole('table').first().locator('tbody tr');

    await dispute.tab('Parties');
    await deleteAndUndo(page, rows(), 'Remove party');
    await dispute.tab('Patents');
    await deleteAndUndo(page, rows(), 'Remove patent');
    await dispute.tab('Documents');
    await deleteAndUndo(page, rows(), 'Delete document');
    await dispute.tab('Notes');
    await deleteAndUndo(page, page.getByRole('tabpanel').getByRole('article'), 'Delete note');
    // A proceeding takes its patents' assertions with it, and Undo brings them back too.
    await dispute.tab('Proceedings');
    await deleteAndUndo(page, rows(), 'Delete proceeding');
    await dispute.tab('Patents');
    await expect(rows()).toHaveCount(4);

    const deadlines = new DeadlinesTab(page);
    await deadlines.open();
    await deadlines.add({ title: 'Reply brief', date: isoDaysFromToday(-1) });
    await deleteAndUndo(page, deadlines.table.locator('tbody tr'), 'Delete deadline');
    // The box follows the database, so it turns checked once the write is done.
    const done = deadlines.table.getByRole('checkbox', { name: 'Done: Reply brief' });
    await done.click();
    await expect(done).toBeChecked();
    await new Trash(page).undo();
    await expect(
      deadlines.table.getByRole('checkbox', { name: 'Done: Reply brief' }),
    ).not.toBeChecked();

    const home = new HomeScreen(page);
    await home.goto();
    await home.overdue.getByRole('button', { name: 'Mark done: Reply brief' }).click();
    await expect(home.overdue).not.toContainText('Reply brief');
    await new Trash(page).undo();
    await expect(home.overdue).toContainText('Reply brief');

    // The dispute itself, with everything it holds.
    await page.getByRole('link', { name: 'Huawei v. Xiaomi' }).first().click();
    await dispute.more('Delete dispute…');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete dispute' }).click();
    await expect(page.getByRole('heading', { name: 'Disputes', level: 1 })).toBeVisible();
    await new Trash(page).undo();
    await page.getByRole('link', { name: 'Huawei v. Xiaomi' }).first().click();
    await dispute.tab('Proceedings');
    await expect(rows()).toHaveCount(1);
  });

  test('a deleted dispute comes back whole from the Trash, after a restart', async ({ app }) => {
    let page = app.page;
    const dispute = new DisputePage(page);
    await dispute.more('Delete dispute…');
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText('It goes to the trash');
    await confirm.getByRole('button', { name: 'Delete dispute' }).click();
    await expect(page.getByRole('heading', { name: 'Disputes', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Huawei v. Xiaomi' })).toHaveCount(0);

    page = await app.restart();
    const trash = new Trash(page);
    await trash.openFromMenu();
    const item = trash.list.getByRole('listitem', { name: 'Deleted dispute “Huawei v. Xiaomi”' });
    await expect(item).toContainText('removed for good on');
    // The Trash page itself: nothing serious for assistive technology, its list and buttons named.
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Restore: Deleted dispute “Huawei v. Xiaomi”' }).click();
    await expect(page.getByText('The trash is empty.')).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await page.getByRole('link', { name: 'Huawei v. Xiaomi' }).first().click();
    const restored = new DisputePage(page);
    const rows = page.getByRole('tabpanel').getByRole('table').first().locator('tbody tr');
    await restored.tab('Parties');
    await expect(rows).toHaveCount(2);
    await restored.tab('Patents');
    await expect(rows).toHaveCount(4);
    await restored.tab('Notes');
    await expect(page.getByRole('tabpanel').getByRole('article')).toHaveCount(2);
    await restored.tab('Documents');
    await expect(rows.first()).toBeVisible();
    await restored.tab('Overview');
    await expect(restored.fact('Status')).toHaveText('Settled');
  });
});
