/**
 * The dispute tells its story at a glance: the sample's Overview, History and Patents at a large
 * and a small window, light and dark, screenshots attached to the test output, axe clean, and no
 * state badge cut short anywhere.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { defaultSummaryChoices, summaryRoute } from '../../shared/print-options';
import type { Setting } from '../../renderer/src/db/casefile-db';
import { dumpDatabase } from './models/backups';
import { DeadlinesTab } from './models/deadlines';
import { DisputePage } from './models/dispute-page';
import { Printing } from './models/printing';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

/** Badges whose words overflow their box (an ellipsis or a clipped label). */
async function truncatedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root, .mantine-Badge-label')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
}

async function openSample(page: Page): Promise<DisputePage> {
  await openSampleCaseFile(page);
  return new DisputePage(page);
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  // Kept in the test's output folder and attached to the report, for a person to look at.
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.describe('the dispute at a glance', () => {
  test('the sample reads as a brief, with its history in words and its patents one per row', async ({
    app,
  }) => {
    const page = app.page;
    const dispute = await openSample(page);
    await expect(dispute.fact('Our role')).toHaveText('Not a party (monitoring)');
    await expect(dispute.fact('Status')).toHaveText('Settled');
    await expect(dispute.fact('Opened')).toHaveText('March 2023');

    const parties = page.getByRole('region', { name: 'Parties' });
    await expect(parties).toContainText('Huawei Technologies Co., Ltd. — Plaintiff');
    await expect(parties).toContainText('Xiaomi Corporation — Defendant');
    // Huawei (plaintiff) is listed before Xiaomi (defendant); nobody is "our side" when observing.
    await expect(parties).toContainText(/Huawei.*Plaintiff.*Xiaomi.*Defendant/s);
    await expect(parties).not.toContainText('counterparty');
    const proceedings = page.getByRole('region', { name: 'Proceedings' });
    await expect(proceedings).toContainText('China — Infringement action');
    await expect(proceedings).toContainText('Stage: Closed');
    const scoreboard = page.getByRole('table', { name: 'Patent scoreboard' });
    await expect(scoreboard.getByRole('row')).toHaveCount(5);
    await expect(scoreboard).toContainText('Licensed in settlement');
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await expect(outcome).toContainText('Cross-licence');
    await expect(outcome.getByRole('table', { name: 'Licence terms' })).toContainText('Global');
    await expect(page.getByRole('region', { name: 'Latest notes' })).toContainText(
      'Huawei sues Xiaomi in China',
    );
    // Each block leads to its tab.
    await parties.getByRole('link', { name: 'Parties' }).click();
    await expect(page.getByRole('tab', { name: 'Parties' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await dispute.tab('History');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Added Xiaomi Corporation as defendant');
    await expect(history).not.toContainText('disputeId');
    await expect(history).not.toContainText('{');

    await dispute.tab('Patents');
    const patents = page.getByRole('table', { name: 'Patents and assertions' });
    await expect(patents.getByRole('row')).toHaveCount(5);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      test(`Overview, History and Patents at ${size.width}×${size.height} in ${scheme}: axe clean, badges whole`, async ({
        app,
      }, testInfo) => {
        const page = app.page;
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(size);
        const dispute = await openSample(page);
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
        for (const tab of ['Overview', 'History', 'Patents']) {
          await dispute.tab(tab);
          await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
          await attach(page, testInfo, `${tab}-${size.width}x${size.height}-${scheme}.png`);
          expect(await seriousViolations(page), `${tab} in ${scheme}`).toEqual([]);
          expect(await truncatedBadges(page), `${tab} badges`).toEqual([]);
          // Nothing is wider than the window: wide tables scroll inside their own box.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${tab} page width`).toBeLessThanOrEqual(0);
        }
        if (size.width < 1200) {
          await page.getByRole('button', { name: 'Show the sections' }).click();
          await page
            .getByRole('navigation', { name: 'Sections' })
            .getByRole('link', { name: 'Home' })
            .click();
        } else {
          await page
            .getByRole('navigation', { name: 'Sections' })
            .getByRole('link', { name: 'Home' })
            .click();
        }
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        expect(await truncatedBadges(page), 'Home badges').toEqual([]);
        await page.goto('/index.html#/disputes');
        await expect(page.getByRole('table', { name: 'Disputes' })).toBeVisible();
        expect(await truncatedBadges(page), 'Disputes badges').toEqual([]);
      });
    }
  }

  test('the printed summary renders notes’ Markdown and reads as on screen', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    await openSample(page);
    const printing = new Printing(page);
    const disputeId = await printing.disputeId();
    const now = new Date().toISOString();
    await printing.insertRecords('notes', [
      {
        id: 'note-markdown',
        disputeId,
        date: '',
        kind: 'meeting',
        participants: '',
        amount: null,
        currency: '',
        title: '',
        body: '## Terms discussed\n\n**global patent cross-licensing agreement**, _final wording_\n\n- 5G\n- cloud computing\n\n[The announcement](https://example.com/announcement)',
        documentIds: [],
        privilege: 'none',
        recordsResolution: false,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const choices = defaultSummaryChoices('Confidential');
    const pdf = await printing.pdf(
      summaryRoute(disputeId, choices),
      choices,
      testInfo.outputPath('summary-with-notes.pdf'),
    );
    await pdf.attachFirstPage(testInfo, 'summary-with-notes');
    const text = pdf.text();
    expect(text).toContain('global patent cross-licensing agreement');
    expect(text).toContain('Terms discussed');
    expect(text).toContain('The announcement (https://example.com/announcement)');
    expect(text).not.toContain('**');
    expect(text).not.toContain('_final');
    expect(text).not.toMatch(/^\s*## /m);
    expect(text).toContain('Date not given — Meeting');
    expect(text).toContain('Counterparty');
    expect(text).not.toContain('Other side');
    expect(text).toMatch(/Licence term\s+Agreed/);
    expect(text).toMatch(/Duration\s+Not stated in the announcement/);
  });

  test('forms: focus starts in the first field, Enter in a select picks, bad numbers are refused', async ({
    app,
  }) => {
    const page = app.page;
    const dispute = await openSample(page);

    // Enter inside a select chooses the option and leaves the dialog open.
    await dispute.tab('Overview');
    await page.getByRole('button', { name: 'Edit overview' }).click();
    const edit = dispute.dialog('Edit overview');
    await expect(edit.getByLabel('Title')).toBeFocused();
    const status = edit.getByRole('combobox', { name: 'Status', exact: true });
    await status.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listbox')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(edit).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(edit).toBeVisible();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect(edit).toBeHidden();

    // A reminder out of range is refused by its field, not clamped.
    const deadlines = new DeadlinesTab(page);
    await deadlines.open();
    await page.getByRole('button', { name: 'Add deadline' }).click();
    const add = deadlines.dialog('Add deadline');
    await expect(add.getByLabel('Title')).toBeFocused();
    await deadlines.fill(add, { title: 'Reply', date: '2031-01-10', reminderDays: '99999' });
    await add.getByRole('button', { name: 'Add deadline' }).click();
    await expect(add.getByText('Set the reminder at most 365 days before.')).toBeVisible();
    await expect(add.getByLabel('Reminder (days before)')).toHaveValue('99999');
    await deadlines.fill(add, { reminderDays: '-5' });
    await add.getByRole('button', { name: 'Add deadline' }).click();
    await expect(add.getByText('A reminder cannot come after the deadline.')).toBeVisible();
    await add.getByRole('button', { name: 'Cancel' }).click();

    // The same patent asserted again in the same proceeding is refused by that field.
    await dispute.tab('Patents');
    await page.getByRole('button', { name: 'Add patent' }).click();
    const patent = dispute.dialog('Add patent');
    await expect(patent.getByLabel('Patent number')).toBeFocused();
    await patent.getByLabel('Patent number').fill('ZL 2019 1 0000001.1');
    await patent.getByLabel('Jurisdiction').fill('CN');
    await patent.getByRole('button', { name: 'Add patent' }).click();
    await expect(patent).toBeHidden();
    await page.getByRole('button', { name: 'Add patent' }).click();
    await patent.getByLabel('Patent number').fill('ZL 2019 1 0000001.1');
    await patent.getByLabel('Jurisdiction').fill('CN');
    await patent.getByRole('button', { name: 'Add patent' }).click();
    await expect(patent.getByText('already asserted in this proceeding')).toBeVisible();
    await patent.getByRole('button', { name: 'Cancel' }).click();
    const rows = page.getByRole('table', { name: 'Patents and assertions' }).getByRole('row');
    await expect(rows).toHaveCount(6);
    const number = page.getByRole('cell', { name: 'ZL 2019 1 0000001.1', exact: true });
    await expect(number).toHaveCSS('white-space', 'nowrap');
  });

  test('the colour scheme chosen in the menu is remembered', async ({ app }) => {
    const page = app.page;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Casefile menu' }).click();
    await page.getByRole('menuitem', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    // Saved once the database holds it: localStorage alone was lost by a browser closed at once.
    const appearance = async () =>
      ((await dumpDatabase(page)).settings as Setting[]).find((row) => row.key === 'appearance')
        ?.value;
    await expect.poll(appearance).toEqual({ colorScheme: 'dark' });
    await app.restart();
    await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });
});
