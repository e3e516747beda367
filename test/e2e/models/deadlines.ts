import { expect, type Locator, type Page } from '@playwright/test';
import { choose } from './mantine';

export type DeadlineEntry = {
  title: string;
  date: string;
  time?: string;
  timeZone?: string;
  kind?: string;
  responsible?: string;
  reminderDays?: string;
};

/** The Deadlines tab of a dispute, and the home screen's overdue and upcoming lists. */
export class DeadlinesTab {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Deadlines and events' });
  }

  async open() {
    await this.page.getByRole('tab', { name: 'Deadlines' }).click();
    await expect(this.page.getByRole('tab', { name: 'Deadlines' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async fill(dialog: Locator, d: Partial<DeadlineEntry>) {
    if (d.title !== undefined) await dialog.getByLabel('Title').fill(d.title);
    if (d.date !== undefined) await dialog.getByLabel('Date', { exact: true }).fill(d.date);
    if (d.time !== undefined) await dialog.getByLabel('Time', { exact: true }).fill(d.time);
    if (d.timeZone) {
      await dialog.getByRole('combobox', { name: 'Time zone' }).fill(d.timeZone);
      await this.page.getByRole('option', { name: d.timeZone, exact: true }).click();
    }
    if (d.kind) await choose(dialog, 'Kind', d.kind);
    if (d.responsible !== undefined)
      await dialog.getByLabel('Responsible person').fill(d.responsible);
    if (d.reminderDays !== undefined)
      await dialog.getByLabel('Reminder (days before)').fill(d.reminderDays);
  }

  async add(d: DeadlineEntry) {
    await this.page.getByRole('button', { name: 'Add deadline' }).click();
    const dialog = this.dialog('Add deadline');
    await this.fill(dialog, d);
    await dialog.getByRole('button', { name: 'Add deadline' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(d.title)).toBeVisible();
  }

  row(title: string): Locator {
    return this.table.getByRole('row').filter({ hasText: title });
  }
}

export class HomeScreen {
  readonly overdue: Locator;
  readonly upcoming: Locator;

  constructor(readonly page: Page) {
    this.overdue = page.getByRole('table', { name: 'Overdue deadlines' });
    this.upcoming = page.getByRole('table', { name: 'Upcoming deadlines' });
  }

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  }
}

/** A local calendar date `days` from today, as YYYY-MM-DD (the browser runs in the same zone). */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
