import type { Locator, Page } from '@playwright/test';

/** Picks an option in a Mantine Select, found by its label, as a keyboard-and-mouse user would. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picks a jurisdiction by its code ("US", "EP", "UPC") in the searchable jurisdiction list. */
export async function chooseJurisdiction(scope: Page | Locator, code: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: 'Jurisdiction', exact: true }).fill(code);
  await page.getByRole('option', { name: new RegExp(`· ${code}$`) }).click();
}
