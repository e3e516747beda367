import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { choose } from './models/mantine';
import { NotesTab } from './models/notes';

/** The notes on screen, in order, by their accessible names. */
function articleNames(page: Page): Promise<(string | null)[]> {
  return page
    .getByRole('article')
    .evaluateAll((all) => all.map((a) => a.getAttribute('aria-label')));
}

/** Runs in the page: `count` notes of one dispute written straight to IndexedDB, one a day. */
async function seedNotes({ disputeId, count }: { disputeId: string; count: number }) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('casefile');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('notes', 'readwrite');
    for (let i = 0; i < count; i += 1) {
      const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      tx.objectStore('notes').put({
        id: `many-${i}`,
        disputeId,
        date,
        kind: 'call',
        participants: '',
        amount: null,
        currency: '',
        title: `Call number ${i + 1}`,
        body: `We spoke about **round ${i + 1}**.`,
        documentIds: [],
        privilege: 'attorney-client-work-product',
        recordsResolution: false,
        createdAt: `${date}T09:00:00.000Z`,
        updatedAt: `${date}T09:00:00.000Z`,
      });
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

test.describe('settlement notes', () => {
  test.beforeEach(async ({ app }) => {
    await app.page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(app.page).create({
      title: 'Acme Optics v. Widget Devices',
      status: 'Active',
      openedOn: '2024-05-06',
    });
  });

  test('a note written in Markdown is edited, survives a restart and is found by search', async ({
    app,
  }) => {
    let page = app.page;
    let notes = new NotesTab(page);
    await notes.open();
    await page.getByRole('button', { name: 'Add note' }).click();
    const dialog = notes.dialog('Add note');
    await notes.fill(dialog, {
      date: '2024-06-03',
      kind: 'Offer',
      title: 'First offer',
      participants: 'Our GC; their head of licensing',
      amount: '2,500,000',
      currency: 'eur',
    });
    // The editor's shortcut wraps the selection: Ctrl+B, then the typed word replaces "bold text".
    const body = notes.body(dialog);
    await body.fill('Lump sum, ');
    await body.press('End');
    await body.press('Control+b');
    await page.keyboard.type('worldwide');
    await body.press('Control+End');
    await page.keyboard.type('\n\n- past sales released\n- [terms](https://example.com/terms)');
    await expect(body).toHaveValue(
      'Lump sum, **worldwide**\n\n- past sales released\n- [terms](https://example.com/terms)',
    );
    await dialog.getByRole('tab', { name: 'Preview' }).click();
    await expect(dialog.locator('strong', { hasText: 'worldwide' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await expect(dialog).toBeHidden();

    let card = notes.note('Note: First offer, 3 June 2024');
    await expect(card.locator('strong', { hasText: 'worldwide' })).toBeVisible();
    await expect(card.getByRole('listitem')).toHaveText(['past sales released', 'terms']);
    await expect(card).toContainText('Amount: €2,500,000.00');
    await expect(card).toContainText(
      'Privileged & Confidential — Attorney–Client Communication / Attorney Work Product',
    );
    // A link in a note opens outside the app (a new page here), never in the app's own window.
    const appUrl = page.url();
    const opened = app.context.waitForEvent(
      'request',
      (r) => r.url() === 'https://example.com/terms',
    );
    await card.getByRole('link', { name: 'terms' }).click();
    await opened;
    expect(page.url()).toBe(appUrl);
    await expect(
      page.getByRole('heading', { name: 'Acme Optics v. Widget Devices' }),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Edit note First offer, 3 June 2024' }).click();
    const edit = notes.dialog('Edit note');
    await expect(edit.getByLabel('Amount')).toHaveValue('2500000');
    await notes.fill(edit, { title: 'Revised offer' });
    await notes.body(edit).press('Control+End');
    await page.keyboard.type('\n\n## Next step\nCall on _Friday_');
    await edit.getByRole('button', { name: 'Save note' }).click();
    await expect(edit).toBeHidden();
    await expect(notes.note('Note: First offer, 3 June 2024')).toHaveCount(0);

    await notes.add({
      date: '2024-07',
      kind: 'Counter-offer',
      title: 'Their answer',
      body: 'A running royalty.',
    });
    await notes.add({ date: '', kind: 'Call', title: 'Mediator call', body: 'Date lost.' });
    await expect(notes.note('Note: Mediator call, date not given')).toContainText('Date not given');

    page = await app.restart();
    await new DisputesList(page).goto();
    await page.getByRole('link', { name: 'Acme Optics v. Widget Devices' }).click();
    notes = new NotesTab(page);
    await notes.open();
    await expect(page.getByRole('article')).toHaveCount(3);
    // Newest first, undated last.
    await expect
      .poll(() => articleNames(page))
      .toEqual([
        'Note: Their answer, July 2024',
        'Note: Revised offer, 3 June 2024',
        'Note: Mediator call, date not given',
      ]);
    card = notes.note('Note: Revised offer, 3 June 2024');
    await expect(card.getByRole('heading', { name: 'Next step' })).toBeVisible();
    await expect(card.locator('em', { hasText: 'Friday' })).toBeVisible();
    await expect(card).toContainText('Who took part: Our GC; their head of licensing');

    await notes.search('worldwide');
    await expect.poll(() => articleNames(page)).toEqual(['Note: Revised offer, 3 June 2024']);
    await notes.search('');
    await choose(page, 'Kind of note', 'Counter-offer');
    await expect.poll(() => articleNames(page)).toEqual(['Note: Their answer, July 2024']);
    await expect(page.getByRole('status').filter({ hasText: 'notes' })).toContainText(
      '1 of 3 notes match',
    );

    // Deleting asks first; the history keeps every change.
    await page.getByRole('button', { name: 'Delete note Their answer, July 2024' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete note?' });
    await confirm.getByRole('button', { name: 'Delete note' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No notes yet')).toHaveCount(0);
    await choose(page, 'Kind of note', 'Offer');
    await expect(page.getByRole('article')).toHaveCount(1);

    const dispute = new DisputePage(page);
    await dispute.tab('History');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Added note “First offer”');
    await expect(history).toContainText('Changed note “Revised offer”');
    await expect(history).toContainText('Title: First offer → Revised offer');
    await expect(history).toContainText('Deleted note “Their answer”');
  });

  test('a day that does not exist and an amount that is not a number are refused by their fields', async ({
    app,
  }) => {
    const page = app.page;
    const notes = new NotesTab(page);
    await notes.open();
    await page.getByRole('button', { name: 'Add note' }).click();
    const dialog = notes.dialog('Add note');
    await notes.fill(dialog, {
      date: '2023-02-30',
      kind: 'Offer',
      title: 'Impossible',
      amount: 'abc',
      currency: 'USD',
      body: 'Should never be stored.',
    });
    await dialog.getByRole('button', { name: 'Add note' }).click();
    const date = dialog.getByLabel('Date', { exact: true });
    const amount = dialog.getByLabel('Amount');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(/Enter a real date/);
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveAccessibleDescription(/Enter the amount as a number/);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('No notes yet.')).toBeVisible();

    const restarted = await app.restart();
    await new DisputesList(restarted).goto();
    await restarted.getByRole('link', { name: 'Acme Optics v. Widget Devices' }).click();
    await new NotesTab(restarted).open();
    await expect(restarted.getByText('No notes yet.')).toBeVisible();
    await new DisputePage(restarted).tab('History');
    await expect(restarted.getByRole('region', { name: 'History' })).not.toContainText(
      'Added note',
    );
  });

  test('recording a settlement sets the outcome and status and adds the note that records it', async ({
    app,
  }) => {
    const page = app.page;
    const dispute = new DisputePage(page);
    await expect(dispute.fact('Status')).toHaveText('Active');
    const notes = new NotesTab(page);
    await notes.open();
    await page.getByRole('button', { name: 'Record settlement' }).click();
    const dialog = notes.dialog('Record settlement');
    await choose(dialog, 'Outcome', 'Cross-licence');
    await dialog.getByLabel('Date of the outcome').fill('2025-02-14');
    await choose(dialog, 'Licence type', 'Cross-licence');
    await dialog.getByLabel('Territory').fill('Worldwide');
    await dialog.getByLabel('Term').fill('Five years');
    await dialog.getByLabel('Consideration').fill('Balancing payment to us');
    await dialog.getByLabel('Licence scope').fill('Both portfolios, camera modules');
    await dialog.getByLabel('Note date').fill('2025-02-14');
    await dialog.getByLabel('Note title').fill('Settlement signed');
    await dialog.getByLabel('Who took part').fill('Both GCs');
    await dialog
      .getByRole('textbox', { name: 'Settlement note', exact: true })
      .fill('Signed **today**; press release next week.');
    await dialog.getByRole('button', { name: 'Record settlement' }).click();
    await expect(dialog).toBeHidden();

    const card = notes.note('Note: Settlement signed, 14 February 2025');
    await expect(card.locator('strong', { hasText: 'today' })).toBeVisible();
    await card.getByRole('link', { name: 'Records the resolution' }).click();
    await expect(page.getByRole('tab', { name: 'Resolution' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(dispute.fact('Outcome')).toHaveText('Cross-licence');
    await expect(dispute.fact('Territory')).toHaveText('Worldwide');
    await expect(dispute.fact('Term')).toHaveText('Five years');
    await expect(dispute.fact('Consideration')).toHaveText('Balancing payment to us');
    await dispute.tab('Overview');
    await expect(dispute.fact('Status')).toHaveText('Settled');
    await expect(dispute.fact('Closed')).toHaveText('14 February 2025');
  });

  test('a settlement dated before the dispute opened is refused and changes nothing', async ({
    app,
  }) => {
    const page = app.page;
    const notes = new NotesTab(page);
    await notes.open();
    await page.getByRole('button', { name: 'Record settlement' }).click();
    const dialog = notes.dialog('Record settlement');
    await choose(dialog, 'Outcome', 'Settlement');
    await dialog.getByLabel('Date of the outcome').fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Record settlement' }).click();
    await expect(dialog.getByLabel('Date of the outcome')).toHaveAccessibleDescription(
      /The dispute opened 6 May 2024/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('No notes yet.')).toBeVisible();
    const dispute = new DisputePage(page);
    await dispute.tab('Overview');
    await expect(dispute.fact('Status')).toHaveText('Active');
  });

  test('a dispute with hundreds of notes draws those in view, and scrolling reaches the oldest', async ({
    app,
  }) => {
    const page = app.page;
    await new NotesTab(page).open();
    const disputeId = /disputes\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    await page.evaluate(seedNotes, { disputeId, count: 400 });
    await page.reload();
    await expect(page.getByText('400 notes')).toBeVisible();
    await expect(page.getByRole('article', { name: /^Note: Call number 400,/ })).toBeVisible();
    expect(await page.getByRole('article').count()).toBeLessThan(40);
    // The timeline opens the oldest note, far beyond those drawn: it is scrolled to and focused.
    const dispute = new DisputePage(page);
    await dispute.tab('Timeline');
    // The timeline, too, draws the entries in view and says where each is in the whole list; the
    // latest is drawn once scrolled to.
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const first = timeline.getByRole('listitem').filter({ hasText: 'Call number 1' }).first();
    await expect(first).toBeVisible();
    expect(await timeline.getByRole('listitem').count()).toBeLessThan(60);
    expect(Number(await first.getAttribute('aria-setsize'))).toBeGreaterThanOrEqual(400);
    const firstPosition = Number(await first.getAttribute('aria-posinset'));
    const latest = timeline.getByRole('listitem').filter({
      has: page.getByRole('link', { name: 'Call number 400', exact: true }),
    });
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(latest).toBeVisible({ timeout: 500 });
    }).toPass();
    expect(Number(await latest.getAttribute('aria-posinset'))).toBe(firstPosition + 399);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('link', { name: 'Call number 1', exact: true }).click();
    await expect(page.getByRole('article', { name: /^Note: Call number 1,/ })).toBeFocused();
    await dispute.tab('Notes');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.getByRole('article', { name: /^Note: Call number 400,/ })).toBeVisible();
    // The page scrolls as if every note were there; the oldest is drawn once scrolled to.
    const oldest = page.getByRole('article', { name: /^Note: Call number 1,/ });
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(oldest).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(oldest).toContainText('We spoke about round 1.');
  });
});
