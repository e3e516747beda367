import { expect, type Locator, type Page } from '@playwright/test';

/** The Undo in a delete's (or "Mark done"'s) notice, and the Trash page. */
export class Trash {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Deleted items' });
  }

  /** Presses Undo in the newest notice and waits for the notice saying it was undone. */
  async undo() {
    await this.page.getByRole('button', { name: 'Undo' }).last().click();
    await expect(this.page.getByText('Undone', { exact: true }).last()).toBeVisible();
  }

  async openFromMenu() {
    await this.page.getByRole('button', { name: 'Casefile menu' }).click();
    await this.page.getByRole('menuitem', { name: 'Trash' }).click();
    await expect(this.page.getByRole('heading', { name: 'Trash', level: 1 })).toBeVisible();
  }
}
