import { expect, type Locator, type Page } from '@playwright/test';

export class OrganisationsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Organisations' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Organisations', level: 1 })).toBeVisible();
  }

  organisation(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  disputesOf(name: string): Locator {
    return this.page.getByRole('table', { name: `Disputes of ${name}`, exact: true });
  }

  async merge(name: string, into: string) {
    await this.page
      .getByRole('button', { name: `Merge ${name} into another organisation` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Merge ${name}` });
    await dialog.getByRole('combobox', { name: 'Keep this organisation' }).fill(into);
    await this.page.getByRole('option', { name: into, exact: true }).click();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(dialog).toBeHidden();
  }

  async openAliases(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Edit aliases of ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Aliases of ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Types an alias into the open dialog and adds it (the outcome is for the test to check). */
  async addAlias(dialog: Locator, alias: string) {
    await dialog.getByLabel('New alias').fill(alias);
    await dialog.getByRole('button', { name: 'Add alias' }).click();
  }
}
