import { expect, type Page } from '@playwright/test';

/**
 * Opens the sample case file from the welcome screen and waits for its first dispute.
 */
export async function openSampleCaseFile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample case file' }).click();
  await expectSampleOpened(page);
}

/**
 * Waits for the sample's dispute page after it was asked for, by a click or by the keyboard.
 * Loading writes a few hundred records and renders the sample's PDF filings, which a busy machine
 * slows down: it gets 60 s rather than the usual 10 (a CI run took longer than 10 s once).
 */
export async function expectSampleOpened(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible({
    timeout: 60_000,
  });
}
