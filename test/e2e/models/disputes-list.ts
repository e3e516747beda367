import { expect, type Locator, type Page } from '@playwright/test';
import { choose } from './mantine';

export type NewDispute = {
  title: string;
  matterNumber?: string;
  ourRole?: string;
  status?: string;
  openedOn?: string;
  summary?: string;
};

export class DisputesList {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Disputes' });
  }

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Disputes', level: 1 })).toBeVisible();
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title }) });
  }

  async create(dispute: NewDispute) {
    await this.page.getByRole('button', { name: 'New dispute' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New dispute' });
    await dialog.getByLabel('Title').fill(dispute.title);
    if (dispute.matterNumber) await dialog.getByLabel('Matter number').fill(dispute.matterNumber);
    if (dispute.ourRole) await choose(dialog, 'Our role', dispute.ourRole);
    if (dispute.status) await choose(dialog, 'Status', dispute.status);
    if (dispute.openedOn) await dialog.getByLabel('Opened').fill(dispute.openedOn);
    if (dispute.summary) await dialog.getByLabel('Summary').fill(dispute.summary);
    await dialog.getByRole('button', { name: 'Create dispute' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: dispute.title, level: 1 })).toBeVisible();
  }
}
