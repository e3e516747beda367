import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { pageLayout, toChromiumPdfOptions, type PageChoices } from '../../../shared/print-options';

/** What the stubbed `window.print()` saw when it was called. */
export type CapturedPrint = { hash: string; ready: string; runningHeader: boolean };

/** The print dialog, the print pages and the PDFs they make, read back with poppler. */
export class Printing {
  constructor(readonly page: Page) {}

  async openDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Print summary…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Print summary' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /**
   * A headless browser has no print dialog to wait on, so `window.print()` is replaced by one that
   * writes down which page it was asked to print and whether that page was ready.
   */
  async captureBrowserPrints(): Promise<void> {
    await this.page.evaluate(() => {
      const prints: CapturedPrint[] = [];
      Object.assign(window, { capturedPrints: prints });
      window.print = () => {
        prints.push({
          hash: window.location.hash,
          ready: document.documentElement.dataset.printReady ?? '',
          runningHeader: [...document.querySelectorAll('style')].some((s) =>
            s.textContent.includes('counter(pages)'),
          ),
        });
      };
    });
  }

  /**
   * Presses a print button of the dialog and waits for the whole job: `window.print()` called once,
   * the dialog gone and the dispute page back (the print page shares the dispute's heading).
   */
  async printFromDialog(
    dialog: Locator,
    button: 'Print…' | 'Save as PDF…',
  ): Promise<CapturedPrint> {
    await dialog.getByRole('button', { name: button }).click();
    await expect.poll(async () => (await this.capturedPrints()).length).toBe(1);
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('tab', { name: 'Overview' })).toBeVisible();
    const [print] = await this.capturedPrints();
    return print!;
  }

  async capturedPrints(): Promise<CapturedPrint[]> {
    return this.page.evaluate(
      () => (window as unknown as { capturedPrints: CapturedPrint[] }).capturedPrints,
    );
  }

  async disputeId(): Promise<string> {
    const match = /#\/disputes\/([^/?]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`Not on a dispute page: ${this.page.url()}`);
    return match[1];
  }

  /** Writes records straight into a table, for volumes no one would type in a test. */
  async insertRecords(table: string, records: object[]): Promise<void> {
    await this.page.evaluate(
      async ({ storeName, rows }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('casefile');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(storeName, 'readwrite');
          for (const row of rows) tx.objectStore(storeName).put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { storeName: table, rows: records },
    );
    // Dexie caches the live queries the open screen follows (the Overview reads the notes) and
    // cannot see writes made beside it; a reload starts it afresh, as a restart would.
    await this.page.reload();
  }

  /** Opens a print route and prints it with Chromium's page.pdf() and the app's own page layout. */
  async pdf(route: string, choices: PageChoices, path: string): Promise<PrintedPdf> {
    await this.page.goto(`/index.html#${route}`);
    await expect(this.page.locator('html[data-print-ready="true"]')).toBeAttached();
    await this.page.evaluate(() => document.fonts.ready.then(() => true));
    writeFileSync(path, await this.page.pdf(toChromiumPdfOptions(pageLayout(choices))));
    return new PrintedPdf(path);
  }
}

export class PrintedPdf {
  readonly pageCount: number;

  constructor(readonly path: string) {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    this.pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  }

  /** The text of one page (1-based), or of the whole document, as `pdftotext -layout` sees it. */
  text(pageNumber?: number): string {
    const range =
      pageNumber === undefined ? [] : ['-f', String(pageNumber), '-l', String(pageNumber)];
    return execFileSync('pdftotext', ['-layout', ...range, this.path, '-'], { encoding: 'utf8' });
  }

  /** Each page's text, so a test can say what every page carries. */
  pages(): string[] {
    return Array.from({ length: this.pageCount }, (_, i) => this.text(i + 1));
  }

  /** Renders page 1 at 60 dpi beside the PDF and attaches it, so a person can look at it. */
  async attachFirstPage(testInfo: TestInfo, name: string): Promise<void> {
    const prefix = testInfo.outputPath(name);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      this.path,
      prefix,
    ]);
    await testInfo.attach(`${name}.png`, { path: `${prefix}.png`, contentType: 'image/png' });
    await testInfo.attach(`${name}.pdf`, { path: this.path, contentType: 'application/pdf' });
  }
}
