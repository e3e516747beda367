import type { Locator, Page } from '@playwright/test';

/** Picks an option in a Mantine Select, found by its label, as a keyboard-and-mouse user would. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
