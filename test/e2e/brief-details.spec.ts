/**
 * Details of the dispute's brief and its forms: the Overview's scoreboard reads patent by patent
 * (a patent asserted in two proceedings is one block, its name kept in view when the table scrolls
 * sideways, stripes by patent), and every date field's calendar button says which field it fills.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSampleCaseFile } from './models/welcome';

const FICTIONAL = 'Orion Mobile v. Nimbus Devices (fictional)';

async function openSampleDispute(page: Page, title: string) {
  await openSampleCaseFile(page);
  await page.goto('/index.html#/disputes');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

function background(cell: Locator): Promise<string> {
  return cell.evaluate((el) => {
    // The colour a person sees: the first non-transparent background from the cell outwards.
    for (let node: Element | null = el; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
    }
    return '';
  });
}

function left(locator: Locator): Promise<number> {
  return locator.evaluate((el) => el.getBoundingClientRect().left);
}

test.describe('the brief, in detail', () => {
  test('a patent asserted in two proceedings is one block of the scoreboard, kept in view', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openSampleDispute(page, FICTIONAL);

    const scoreboard = page.getByRole('table', { name: 'Patent scoreboard' });
    const groups = scoreboard.getByRole('rowgroup').filter({ has: page.getByRole('cell') });
    await expect(groups).toHaveCount(2);
    const beam = groups.nth(0);
    const charging = groups.nth(1);
    // The patent's name heads its group once, across both proceedings.
    const beamHeader = beam.getByRole('rowheader', { name: /EP 9 900 001/ });
    await expect(beamHeader).toHaveAttribute('rowspan', '2');
    await expect(beam.getByRole('row')).toHaveCount(2);
    // One row per proceeding: the Munich infringement action and the Federal Patent Court nullity.
    await expect(beam.getByRole('row').filter({ hasText: '7 O 0001/26' })).toHaveCount(1);
    await expect(beam.getByRole('row').filter({ hasText: '2 Ni 0001/26' })).toHaveCount(1);
    await expect(charging.getByRole('row')).toHaveCount(1);
    await expect(charging.getByRole('rowheader')).toContainText('EP 9 900 002');

    // Stripes by patent: both rows of a group share a colour, the next group has the other one.
    const beamSecondRow = beam.getByRole('row').nth(1).getByRole('cell').first();
    const chargingCell = charging.getByRole('cell').first();
    expect(await background(beamSecondRow)).toBe(await background(beamHeader));
    expect(await background(chargingCell)).not.toBe(await background(beamSecondRow));
    expect(await background(charging.getByRole('rowheader'))).toBe(await background(chargingCell));
    await attach(page, testInfo, 'scoreboard-1024x700.png');

    // Only the patent column stays in view: the second proceeding's cell scrolls with the rest.
    // The window is narrowed until the table is wider than its box, so it has somewhere to scroll.
    await page.setViewportSize({ width: 360, height: 700 });
    const box = page.locator('.cf-table-scroll').filter({ has: scoreboard });
    await expect
      .poll(() => box.evaluate((el) => el.scrollWidth - el.clientWidth))
      .toBeGreaterThan(20);
    const headerLeft = await left(beamHeader);
    const cellLeft = await left(beamSecondRow);
    const scrolled = await box.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(20);
    await expect.poll(() => left(beamSecondRow)).toBeCloseTo(cellLeft - scrolled, 0);
    expect(await left(beamHeader)).toBeCloseTo(headerLeft, 0);
    await attach(page, testInfo, 'scoreboard-scrolled-360x700.png');
  });

  test('each calendar button names the date field it fills', async ({ app }) => {
    const page = app.page;
    await openSampleDispute(page, FICTIONAL);
    await page.getByRole('tab', { name: 'Proceedings' }).click();
    await page.getByRole('button', { name: 'Add proceeding' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add proceeding' });
    await expect(dialog.getByRole('button', { name: 'Open the calendar for Filed' })).toBeVisible();
    await expect(
      dialog.getByRole('button', { name: 'Open the calendar for Closed' }),
    ).toBeVisible();
    // The field's own label still finds the field alone.
    await expect(dialog.getByLabel('Filed')).toHaveCount(1);
    await dialog.getByRole('button', { name: 'Open the calendar for Filed' }).click();
    await page
      .getByRole('button', { name: /^4 [A-Z]/ })
      .first()
      .click();
    await expect(dialog.getByLabel('Filed')).toHaveValue(/^\d{4}-\d{2}-04$/);
  });
});
