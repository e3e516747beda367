import { expect, type Locator, type Page } from '@playwright/test';

export class PatentsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Patents' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Patents', level: 1 })).toBeVisible();
  }

  patent(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  assertionsOf(name: string): Locator {
    return this.page.getByRole('table', { name: `Assertions of ${name}`, exact: true });
  }
}
