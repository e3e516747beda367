import { expect, type Page } from '@playwright/test';

/**
 * Opens the sample case file from the welcome screen and waits for its first dispute. Loading writes
 * a few hundred records and renders the sample's PDF filings, which a busy machine slows down: it
 * gets 30 s rather than the usual 10.
 */
export async function openSampleCaseFile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample case file' }).click();
  await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
}
