import type { Page } from '@playwright/test';
import { scannedTextPdf, scannedTextTiff, textImage } from '../fixtures/scans';
import { expect, test } from './fixtures';
import { DisputesList } from './models/disputes-list';
import { DocumentsTab } from './models/documents';
import { OfflineGuard } from './models/offline';
import { SearchPalette } from './models/search';
import { seriousViolations } from './models/axe';

// OCR of a page takes seconds on a busy 2-core machine; the first page also loads the engine.
const OCR_TIMEOUT = 120_000;

async function newDispute(page: Page, title: string) {
  await page.getByRole('button', { name: 'Start empty' }).click();
  await new DisputesList(page).create({ title });
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const documents = new DocumentsTab(page);
  await documents.open();
  return documents;
}

async function find(page: Page, words: string) {
  await page.getByRole('textbox', { name: 'Find in documents' }).fill(words);
}

test.describe('OCR of scanned filings', () => {
  test('reads an English and a Chinese scan offline and finds them by their words', async ({
    app,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const guard = await OfflineGuard.install(app.context, new URL(baseURL!).origin);
    const english = await scannedTextPdf(app.context, [
      ['Statement of claim', 'The defendant infringes the quokka patent'],
    ]);
    const chinese = await scannedTextPdf(app.context, [['华为与小米签署专利交叉许可协议']]);
    const drawing = await app.context.newPage();
    const photo = await textImage(drawing, ['Settlement letter about the okapi licence']);
    await drawing.close();

    const documents = await newDispute(app.page, 'Scan v. Scan');
    await documents.attachThroughChooser([
      { name: 'English scan.pdf', mimeType: 'application/pdf', buffer: english },
      { name: 'Chinese scan.pdf', mimeType: 'application/pdf', buffer: chinese },
      { name: 'Letter photo.png', mimeType: 'image/png', buffer: photo },
    ]);
    await documents.expectRow('English scan', /Scanned|Reading/);
    await expect(documents.row('English scan')).toContainText('Text extracted', {
      timeout: OCR_TIMEOUT,
    });
    await expect(documents.row('Chinese scan')).toContainText('Text extracted', {
      timeout: OCR_TIMEOUT,
    });

    await find(app.page, 'quokka');
    await expect(documents.row('English scan')).toBeVisible();
    await expect(documents.row('Chinese scan')).toHaveCount(0);
    await find(app.page, '交叉许可');
    await expect(documents.row('Chinese scan')).toBeVisible();
    await expect(documents.row('English scan')).toHaveCount(0);

    const viewer = await documents.view('Chinese scan');
    await viewer.getByRole('tab', { name: 'Extracted text' }).click();
    await expect(viewer.getByText(/Read by OCR \(mean confidence \d+ %\)/)).toBeVisible();
    // Stored without the spaces Tesseract puts between Chinese characters.
    await expect(viewer.getByRole('region', { name: 'Text of page 1' })).toContainText(
      '专利交叉许可',
    );

    await app.page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // A search hit opens the scan; its preview lays the words OCR read over the page, selectable,
    // with the hit marked where it stands on the scan.
    const palette = new SearchPalette(app.page);
    await palette.search('quokka');
    await palette.open(/^filing English scan, page 1/);
    const scan = app.page.getByRole('dialog', { name: 'English scan' });
    await scan.getByRole('tab', { name: 'Preview' }).click();
    const shown = await documents.shownPage(scan, 'English scan', 1);
    const layer = shown.getByRole('region', { name: 'Text read by OCR on page 1' });
    await expect(layer.locator('mark')).toHaveText(['quokka']);
    const statement = layer.getByText('Statement', { exact: true });
    const infringes = layer.getByText('infringes', { exact: true });
    // Where the words were read: the heading above the sentence, the sentence's words in order.
    const [top, word, hit, pageBox] = await Promise.all([
      statement.boundingBox(),
      infringes.boundingBox(),
      layer.locator('mark').boundingBox(),
      shown.boundingBox(),
    ]);
    expect(top!.y + top!.height).toBeLessThanOrEqual(word!.y);
    expect(word!.x + word!.width).toBeLessThan(hit!.x);
    expect(hit!.x + hit!.width).toBeLessThan(pageBox!.x + pageBox!.width);
    await infringes.dblclick();
    expect(await app.page.evaluate(() => window.getSelection()?.toString().trim())).toBe(
      'infringes',
    );
    expect(await seriousViolations(app.page, { legacyMode: true })).toEqual([]);
    await app.page.keyboard.press('Escape');
    await expect(scan).toBeHidden();

    // An image is read too, and its words lie over it in its preview.
    await find(app.page, '');
    await expect(documents.row('Letter photo')).toContainText('Text extracted', {
      timeout: OCR_TIMEOUT,
    });
    const letter = await documents.view('Letter photo');
    await expect(
      letter
        .getByRole('region', { name: 'Text read by OCR on page 1' })
        .getByText('okapi', { exact: true }),
    ).toBeAttached();
    const [okapi, image] = await Promise.all([
      letter.getByText('okapi', { exact: true }).boundingBox(),
      letter.getByRole('img', { name: 'Letter photo' }).boundingBox(),
    ]);
    expect(okapi!.x).toBeGreaterThan(image!.x);
    expect(okapi!.y + okapi!.height).toBeLessThanOrEqual(image!.y + image!.height);

    // Both languages came from the app itself; nothing else was tried.
    expect(guard.served.some((url) => url.includes('/tesseract/lang/eng.traineddata.gz'))).toBe(
      true,
    );
    expect(guard.served.some((url) => url.includes('/tesseract/lang/chi_sim.traineddata.gz'))).toBe(
      true,
    );
    expect(guard.blocked).toEqual([]);
    // Tesseract's own worker imports its script and the engine's core as it starts, before
    // Playwright has attached to that (nested) worker, so those requests are seen in some runs
    // only. The app points Tesseract at its own `tesseract/` (ocr.worker.ts), and the build
    // serves each file there: the engine itself, not the page the server falls back to.
    const engine = [
      ['worker.min.js', 100_000],
      ...['lstm', 'simd-lstm', 'relaxedsimd-lstm'].map(
        (core) => [`core/tesseract-core-${core}.wasm.js`, 3_000_000] as const,
      ),
    ] as const;
    for (const [file, atLeast] of engine) {
      const served = await app.page.request.get(`${new URL(baseURL!).origin}/tesseract/${file}`);
      expect(served.status(), file).toBe(200);
      expect(served.headers()['content-type'], file).toContain('javascript');
      expect((await served.body()).length, file).toBeGreaterThan(atLeast);
    }
  });

  test('cancels OCR, keeps the pages read, and resumes at the next page after a restart', async ({
    app,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const origin = new URL(baseURL!).origin;
    let guard = await OfflineGuard.install(app.context, origin);
    const scan = await scannedTextPdf(app.context, [
      ['First page mentions aardvark'],
      ['Second page mentions badger'],
      ['Third page mentions capybara'],
    ]);
    let documents = await newDispute(app.page, 'Cancel v. Resume');
    await documents.attachThroughChooser([
      { name: 'Three pages.pdf', mimeType: 'application/pdf', buffer: scan },
    ]);
    // Cancel while it reads (page 1 or 2: on a fast machine a page takes only a second or two).
    await expect(documents.row('Three pages')).toContainText(/Reading page [12] of 3/, {
      timeout: OCR_TIMEOUT,
    });
    await app.page.getByRole('button', { name: 'Cancel OCR of Three pages' }).click();
    const cancelled = documents.row('Three pages').getByRole('status');
    await expect(cancelled).toHaveText(/OCR cancelled after [0-2] of 3 pages?/);
    const pagesRead = Number(/after (\d)/.exec((await cancelled.textContent()) ?? '')![1]);

    await app.restart();
    guard = await OfflineGuard.install(app.context, origin);
    const list = new DisputesList(app.page);
    await list.goto();
    await list.row('Cancel v. Resume').getByRole('link', { name: 'Cancel v. Resume' }).click();
    documents = new DocumentsTab(app.page);
    await documents.open();
    await expect(documents.row('Three pages').getByRole('status')).toHaveText(
      `OCR cancelled after ${pagesRead} of 3 pages`,
    );
    await app.page.getByRole('button', { name: 'Resume OCR of Three pages' }).click();
    await expect(documents.row('Three pages')).toContainText('Text extracted', {
      timeout: OCR_TIMEOUT,
    });
    // Only the pages not read before the cancel were read again.
    const pagesReadNow = await app.page.evaluate(
      () => performance.getEntriesByName('casefile:ocr-page').length,
    );
    expect(pagesReadNow).toBe(3 - pagesRead);
    for (const word of ['aardvark', 'badger', 'capybara']) {
      await find(app.page, word);
      await expect(documents.row('Three pages')).toBeVisible();
    }
    expect(guard.blocked).toEqual([]);
  });

  test('reads every page of a multi-page TIFF', async ({ app, baseURL }) => {
    test.setTimeout(300_000);
    const guard = await OfflineGuard.install(app.context, new URL(baseURL!).origin);
    const fax = await scannedTextTiff(app.context, [
      ['First page mentions walrus'],
      ['Second page mentions narwhal'],
      ['Third page mentions pangolin'],
    ]);
    const documents = await newDispute(app.page, 'Fax v. Fax');
    await documents.attachThroughChooser([
      { name: 'Fax.tiff', mimeType: 'image/tiff', buffer: fax },
    ]);
    // Three small pages read in a second or two on a quiet machine, too fast to catch "Reading page
    // 2 of 3" reliably (the three-page PDF above checks the progress); the page count and each
    // page's words below prove every page was read.
    await expect(documents.row('Fax')).toContainText('Text extracted', { timeout: OCR_TIMEOUT });
    await expect(documents.row('Fax').getByRole('cell', { name: '3', exact: true })).toBeVisible();
    await find(app.page, 'pangolin');
    await expect(documents.row('Fax')).toBeVisible();
    const viewer = await documents.view('Fax');
    await viewer.getByRole('tab', { name: 'Extracted text' }).click();
    await expect(viewer.getByRole('region', { name: 'Text of page 2' })).toContainText('narwhal');
    await expect(viewer.getByRole('region', { name: 'Text of page 3' })).toContainText('pangolin');
    expect(guard.blocked).toEqual([]);
  });
});
