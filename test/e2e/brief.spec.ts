/**
 * The dispute tells its story at a glance: the sample's Overview, History and Patents at a large
 * and a small window, light and dark, screenshots attached to the test output, axe clean, and no
 * state badge cut short anywhere.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html.slice(0, 160)).join(', ')})`);
}

/** Badges whose words overflow their box (an ellipsis or a clipped label). */
async function truncatedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root, .mantine-Badge-label')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
}

async function openSample(page: Page): Promise<DisputePage> {
  await page.getByRole('button', { name: 'Open the sample case file' }).click();
  await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible();
  return new DisputePage(page);
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}

test.describe('the dispute at a glance', () => {
  test('the sample reads as a brief, with its history in words and its patents one per row', async ({
    app,
  }) => {
    const page = app.page;
    const dispute = await openSample(page);
    const keyFacts = page.getByRole('list', { name: 'Key facts' });
    await expect(dispute.fact('Our role')).toHaveText('Not a party (monitoring)');
    await expect(dispute.fact('Status')).toHaveText('Settled');
    await expect(dispute.fact('Opened')).toHaveText('March 2023');
    await expect(keyFacts.or(page.locator('dl[aria-label="Key facts"]'))).toBeVisible();

    const parties = page.getByRole('region', { name: 'Parties' });
    await expect(parties).toContainText('Huawei Technologies Co., Ltd. — Plaintiff, counterparty');
    await expect(parties).toContainText('Xiaomi Corporation — Defendant, counterparty');
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
    await expect(page.getByRole('tab', { name: 'Parties' })).toHaveAttribute('aria-selected', 'true');

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

  test('the colour scheme chosen in the menu is remembered', async ({ app }) => {
    const page = app.page;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Casefile menu' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await app.restart();
    await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });
});
