/**
 * Search through the keyboard, as a person would: Ctrl+K opens the palette, the words are typed,
 * arrow keys choose a result and Enter opens it; the search page (/search) is reached from the
 * palette's "Show all results" and its results are reached with Tab.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class SearchPalette {
  readonly input: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole('textbox', { name: 'Search everything' });
  }

  /** Opens the palette with Ctrl+K and types `words`. */
  async search(words: string) {
    if (!(await this.input.isVisible())) {
      await this.page.keyboard.press('Control+k');
      await expect(this.input).toBeFocused();
    }
    await this.input.fill('');
    await this.input.pressSequentially(words);
  }

  /** A result in the palette, by its accessible name ("note First offer in Acme v. Widget"). */
  result(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /**
   * Chooses the result named `name` with the arrow keys and opens it with Enter, once the answer
   * for the words typed is in: until then the list is the previous answer's, and the first result
   * of the new one is chosen when it comes, as it should be.
   */
  async open(name: string | RegExp) {
    await expect(this.page.getByLabel('Search results')).toHaveAttribute('aria-busy', 'false');
    const target = this.result(name).first();
    await expect(target).toBeVisible();
    for (let step = 0; step < 40; step += 1) {
      await this.input.press('ArrowDown');
      if ((await target.getAttribute('data-selected')) !== null) break;
    }
    await expect(target).toHaveAttribute('data-selected', /.*/);
    await this.input.press('Enter');
    await expect(this.input).toBeHidden();
  }

  async close() {
    await this.input.press('Escape');
    await expect(this.input).toBeHidden();
  }
}

export class SearchPageModel {
  readonly input: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole('textbox', { name: 'Search every case file' });
  }

  /** From the palette: "Show all results" by keyboard. */
  async openFromPalette(words: string) {
    const palette = new SearchPalette(this.page);
    await palette.search(words);
    await palette.open('Show all results');
    await expect(this.page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  group(kind: string): Locator {
    return this.page.getByRole('list', { name: kind });
  }

  result(name: string | RegExp): Locator {
    return this.page.getByRole('link', { name });
  }

  /** Tabs from the search box to the result and opens it with Enter. */
  async openByKeyboard(name: string | RegExp) {
    const target = this.result(name).first();
    await expect(target).toBeVisible();
    await this.input.focus();
    for (let step = 0; step < 60; step += 1) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(target).toBeFocused();
    await this.page.keyboard.press('Enter');
  }
}
