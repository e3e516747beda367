import type { Locator, Page } from '@playwright/test';

/**
 * Picks an option in a list found by its label, as a keyboard-and-mouse user would: a Mantine
 * Select's own options, or the system's list of a native one (the tabs' filters), whose options
 * the page cannot click.
 */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByRole('combobox', { name: label, exact: true });
  if (await field.evaluate((element) => element instanceof HTMLSelectElement)) {
    await field.selectOption({ label: option });
    return;
  }
  await field.click();
  // In the open list: a native list on the page behind (a tab's filter) has options too.
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}

/** Picks a jurisdiction by its code ("US", "EP", "UPC") in the searchable jurisdiction list. */
export async function chooseJurisdiction(scope: Page | Locator, code: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: 'Jurisdiction', exact: true }).fill(code);
  await page.getByRole('option', { name: new RegExp(`· ${code}$`) }).click();
}
