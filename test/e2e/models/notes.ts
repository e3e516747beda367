import { expect, type Locator, type Page } from '@playwright/test';
import { choose } from './mantine';

export type NoteEntry = {
  date?: string;
  kind?: string;
  title?: string;
  participants?: string;
  amount?: string;
  currency?: string;
  body?: string;
};

/** The Notes tab of a dispute: the settlement log, its editor and "Record settlement". */
export class NotesTab {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Notes' }).click();
    await expect(this.page.getByRole('tab', { name: 'Notes' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The note's card, found by its accessible name ("Note: First offer, 3 June 2024"). */
  note(name: string | RegExp): Locator {
    return this.page.getByRole('article', { name });
  }

  body(scope: Locator): Locator {
    return scope.getByRole('textbox', { name: 'Note', exact: true });
  }

  /** Fills the note form; the body is typed, so the editor's own behaviour is exercised. */
  async fill(dialog: Locator, note: NoteEntry) {
    if (note.date !== undefined) await dialog.getByLabel('Date', { exact: true }).fill(note.date);
    if (note.kind) await choose(dialog, 'Kind', note.kind);
    if (note.title !== undefined)
      await dialog.getByLabel('Title', { exact: true }).fill(note.title);
    if (note.participants !== undefined)
      await dialog.getByLabel('Who took part').fill(note.participants);
    if (note.amount !== undefined) await dialog.getByLabel('Amount').fill(note.amount);
    if (note.currency !== undefined) await dialog.getByLabel('Currency').fill(note.currency);
    if (note.body !== undefined) await this.body(dialog).fill(note.body);
  }

  async add(note: NoteEntry) {
    await this.page.getByRole('button', { name: 'Add note' }).click();
    const dialog = this.dialog('Add note');
    await this.fill(dialog, note);
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await expect(dialog).toBeHidden();
  }

  async search(text: string, kind?: string) {
    await this.page.getByRole('searchbox', { name: 'Search notes' }).fill(text);
    if (kind) await choose(this.page, 'Kind of note', kind);
  }
}
