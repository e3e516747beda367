import type { Page } from '@playwright/test';
import { solidPng } from '../fixtures/files';
import { damagedPdf, scannedPdf, textPdf } from '../fixtures/pdfs';
import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { DocumentsTab, sha256Of, type TestFile } from './models/documents';
import { choose } from './models/mantine';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

async function pdfFile(name: string, pages: string[][]): Promise<TestFile> {
  return { name, mimeType: 'application/pdf', buffer: await textPdf(pages) };
}

async function newDispute(page: Page, title: string) {
  await page.getByRole('button', { name: 'Start empty' }).click();
  await new DisputesList(page).create({ title });
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const documents = new DocumentsTab(page);
  await documents.open();
  return documents;
}

/** Runs in the page: `count` filings of one dispute written straight to IndexedDB, one a day. */
async function seedDocuments({ disputeId, count }: { disputeId: string; count: number }) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('casefile');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('documents', 'readwrite');
    for (let i = 0; i < count; i += 1) {
      const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      tx.objectStore('documents').put({
        id: `many-${i}`,
        disputeId,
        proceedingId: null,
        title: `Filing number ${i + 1}`,
        kind: 'order',
        filedOn: date,
        docketEntry: String(i + 1),
        filedBy: '',
        language: '',
        privilege: 'none',
        notes: '',
        fileName: `filing-${i + 1}.pdf`,
        mimeType: 'application/pdf',
        size: 1000,
        sha256: (i + 1).toString(16).padStart(64, '0'),
        pageCount: 1,
        textStatus: 'not-applicable',
        createdAt: `${date}T09:00:00.000Z`,
        updatedAt: `${date}T09:00:00.000Z`,
      });
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

test.describe('documents of a dispute', () => {
  test('attaches through the file chooser, previews, and keeps everything across a restart', async ({
    app,
  }) => {
    const complaint = await pdfFile('2023-03 Complaint.pdf', [
      ['Huawei v. Xiaomi', 'Complaint for patent infringement'],
      ['Second page: the relief sought'],
    ]);
    const letter: TestFile = {
      name: 'letter.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Dear counsel, please find enclosed our answer.'),
    };
    let documents = await newDispute(app.page, 'Acme v. Widget');
    await documents.attachThroughChooser([complaint, letter]);

    await documents.expectRow('2023-03 Complaint', 'Complaint');
    // Extraction runs in its worker and fills in the page count without anyone waiting on it.
    await documents.expectRow('2023-03 Complaint', /2\s*Text extracted/);
    await documents.expectRow('letter', 'No text to extract');

    await documents.edit('2023-03 Complaint', {
      title: 'Complaint',
      docketEntry: '1',
      filedOn: '2023-03-15',
    });

    const page = await app.restart();
    await new DisputesList(page).goto();
    await page.getByRole('link', { name: 'Acme v. Widget' }).click();
    documents = new DocumentsTab(page);
    await documents.open();
    await documents.expectRow('Complaint', /Complaint\s*15 March 2023\s*1\s*/);

    const viewer = await documents.view('Complaint');
    const firstPage = await documents.shownPage(viewer, 'Complaint', 1);
    await expect(firstPage).toContainText('Complaint for patent infringement');
    await viewer.getByRole('button', { name: 'Next page' }).click();
    await expect(await documents.shownPage(viewer, 'Complaint', 2)).toContainText(
      'the relief sought',
    );
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await expect(viewer.getByLabel('Zoom level')).toHaveText('125%');

    await viewer.getByRole('tab', { name: 'Details' }).click();
    await expect(viewer).toContainText(sha256Of(complaint.buffer));
    await viewer.getByRole('tab', { name: 'Extracted text' }).click();
    await expect(viewer.getByRole('region', { name: 'Text of page 1' })).toContainText(
      'Complaint for patent infringement',
    );
    const saved = await documents.saveCopy(viewer);
    expect(sha256Of(saved)).toBe(sha256Of(complaint.buffer));
    await page.keyboard.press('Escape');

    const note = await documents.view('letter');
    await expect(note.getByLabel('Text of letter')).toHaveText(letter.buffer.toString());
  });

  test('attaches files dropped anywhere on the dispute page', async ({ app }) => {
    const documents = await newDispute(app.page, 'Drop v. Zone');
    await new DisputePage(app.page).tab('Overview');
    const file = await pdfFile('Expert report.pdf', [['Report of the technical expert']]);
    await documents.drop(app.page.getByRole('heading', { name: 'Drop v. Zone', level: 1 }), [file]);
    await expect(app.page.getByRole('tab', { name: 'Documents' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await documents.expectRow('Expert report', /Expert report.*Text extracted/);
    expect(await documents.stored()).toEqual({ documents: 1, files: 1 });
  });

  test('stores a file attached twice once, and its bytes stay while a document in the trash needs them', async ({
    app,
  }) => {
    const documents = await newDispute(app.page, 'Twice v. Once');
    const file = await pdfFile('Order.pdf', [['Order on claim construction']]);
    await documents.attachThroughChooser([file]);
    await documents.expectRow('Order', 'Text extracted');
    await documents.attachThroughChooser([file]);
    await expect(documents.row('Order')).toHaveCount(2);
    expect(await documents.stored()).toEqual({ documents: 2, files: 1 });

    await documents
      .row('Order')
      .first()
      .getByRole('button', { name: 'Delete document Order' })
      .click();
    await documents.confirmDelete();
    await expect(documents.row('Order')).toHaveCount(1);
    expect(await documents.stored()).toEqual({ documents: 1, files: 1 });
    await documents.delete('Order');
    // The deleted document waits in the trash for 30 days, so its bytes stay until it is purged.
    expect(await documents.stored()).toEqual({ documents: 0, files: 1 });
  });

  test('keeps a damaged PDF, marks it unreadable, and shows why instead of a preview', async ({
    app,
  }) => {
    const documents = await newDispute(app.page, 'Broken v. File');
    await documents.attachThroughChooser([
      { name: 'truncated.pdf', mimeType: 'application/pdf', buffer: damagedPdf() },
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: await scannedPdf() },
    ]);
    await documents.expectRow('truncated', 'Could not be read');
    // A scan without a text layer goes to OCR, which finds nothing in grey blocks.
    await expect(documents.row('scan')).toContainText(/2\s*No text found by OCR/, {
      timeout: 60_000,
    });
    const viewer = await documents.view('truncated');
    await expect(viewer.getByText('This PDF could not be read')).toBeVisible();
    expect(await documents.stored()).toEqual({ documents: 2, files: 2 });
  });

  test('shows images inline, and hands other files to the system app as a copy', async ({
    app,
  }) => {
    const documents = await newDispute(app.page, 'Image v. Other');
    const photo: TestFile = {
      name: 'Exhibit 4 - photo of the accused phone.png',
      mimeType: 'image/png',
      buffer: solidPng(40, 30, [200, 30, 30]),
    };
    const spreadsheet: TestFile = {
      name: 'Royalty model.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\x03\x04 not really a spreadsheet, but nothing here reads it'),
    };
    await documents.attachThroughChooser([photo, spreadsheet]);
    // An image goes to OCR, which finds no text in a plain red picture.
    await expect(documents.row('Exhibit 4 - photo of the accused phone')).toContainText(
      /Exhibit.*No text found by OCR/,
      { timeout: 60_000 },
    );
    await documents.expectRow('Royalty model', /Other.*No text/);

    const image = await documents.view('Exhibit 4 - photo of the accused phone');
    const shown = image.getByRole('img', { name: 'Exhibit 4 - photo of the accused phone' });
    await expect(shown).toBeVisible();
    // Decoded from the stored bytes, not merely an element on the page.
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
    await app.page.keyboard.press('Escape');
    await expect(image).toBeHidden();

    const other = await documents.view('Royalty model');
    await expect(other.getByText('No preview for this kind of file')).toBeVisible();
    await other.getByRole('tab', { name: 'Details' }).click();
    await expect(other).toContainText(sha256Of(spreadsheet.buffer));
    const copy = await documents.openWithSystemApp(other);
    expect(sha256Of(copy)).toBe(sha256Of(spreadsheet.buffer));
  });

  test('picks up text extraction left unfinished when the app was closed', async ({ app }) => {
    const documents = await newDispute(app.page, 'Resume v. Restart');
    const file = await pdfFile('Motion to stay.pdf', [['Motion to stay'], ['pending the appeal']]);
    await documents.attachThroughChooser([file]);
    await documents.expectRow('Motion to stay', /2\s*Text extracted/);

    // The app closes with the document still waiting for its text, as if closed mid-extraction.
    await documents.markExtractionInterrupted();
    const page = await app.restart();
    await new DisputesList(page).goto();
    await page.getByRole('link', { name: 'Resume v. Restart' }).click();
    const reopened = new DocumentsTab(page);
    await reopened.open();
    await reopened.expectRow('Motion to stay', /2\s*Text extracted/);
    const viewer = await reopened.view('Motion to stay');
    await viewer.getByRole('tab', { name: 'Extracted text' }).click();
    await expect(viewer.getByRole('region', { name: 'Text of page 2' })).toContainText(
      'pending the appeal',
    );
  });

  test('refuses an empty file with a clear message and stores nothing', async ({ app }) => {
    const documents = await newDispute(app.page, 'Empty v. File');
    await documents.attachThroughChooser([
      { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    ]);
    await expect(app.page.getByRole('alert').filter({ hasText: 'Not attached' })).toContainText(
      '“empty.pdf” is empty (0 bytes), so it was not attached.',
    );
    expect(await documents.stored()).toEqual({ documents: 0, files: 0 });
    await expect(app.page.getByText('No documents yet.')).toBeVisible();
  });

  test('"Verify files" finds bytes altered behind the app’s back', async ({ app }) => {
    const documents = await newDispute(app.page, 'Verify v. Files');
    const good = await pdfFile('Answer.pdf', [['Answer to the complaint']]);
    const victim = await pdfFile('Claim chart.pdf', [['Claim 1 element a']]);
    await documents.attachThroughChooser([good, victim]);
    await documents.expectRow('Claim chart', 'Text extracted');
    await documents.expectRow('Answer', 'Text extracted');

    await app.page.getByRole('button', { name: 'Verify files' }).click();
    await expect(
      app.page.getByRole('status').filter({ hasText: 'All files verified' }),
    ).toContainText('All 2 stored files still match their SHA-256.');

    await documents.alterStoredBytes(sha256Of(victim.buffer), 'not the claim chart any more');
    await app.page.getByRole('button', { name: 'Verify files' }).click();
    const problems = app.page.getByRole('list', { name: 'Files that failed verification' });
    await expect(problems.getByRole('listitem')).toHaveCount(1);
    await expect(problems).toContainText(
      'Claim chart: its bytes have changed since it was attached',
    );
  });

  test('the sample case file comes with a filing to preview and search', async ({ app }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const documents = new DocumentsTab(page);
    await documents.open();
    const title = 'Summary of the March 2023 complaint (from the public announcement)';
    await documents.expectRow(title, /Other\s*March 2023.*1\s*Text extracted/);

    await page.getByLabel('Find in documents').fill('screen lock');
    await expect(documents.row(title)).toHaveCount(1);
    await page.getByLabel('Find in documents').fill('no such words');
    await expect(page.getByText('No document matches.')).toBeVisible();
    await page.getByLabel('Find in documents').fill('');

    const viewer = await documents.view(title);
    await expect(await documents.shownPage(viewer, title, 1)).toContainText(
      'Huawei alleged that Xiaomi had infringed four',
    );
  });

  test('the documents tab and the viewer have no serious accessibility violation', async ({
    app,
  }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const documents = new DocumentsTab(page);
    await documents.open();
    const title = 'Summary of the March 2023 complaint (from the public announcement)';
    await documents.expectRow(title, 'Text extracted');
    expect(await seriousViolations(page), 'documents tab').toEqual([]);

    // The keyboard reaches the attach control and the filing itself.
    await page.getByRole('button', { name: 'Attach filing' }).focus();
    await expect(page.getByRole('button', { name: 'Attach filing' })).toBeFocused();
    await documents.row(title).getByRole('button', { name: title, exact: true }).focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByRole('dialog', { name: title });
    await documents.shownPage(viewer, title, 1);
    expect(await seriousViolations(page), 'viewer').toEqual([]);
    await viewer.getByRole('tab', { name: 'Details' }).click();
    expect(await seriousViolations(page), 'details').toEqual([]);
  });

  test('a dispute with hundreds of filings draws the rows in view, and scrolling and sorting reach the rest', async ({
    app,
  }) => {
    const page = app.page;
    const documents = await newDispute(page, 'Acme v. Many Filings');
    const disputeId = /disputes\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    await page.evaluate(seedDocuments, { disputeId, count: 300 });
    await page.reload();
    // The table tells assistive technology how many rows it has, though it draws few of them.
    await expect(documents.table).toHaveAttribute('aria-rowcount', '301');
    await documents.expectRow('Filing number 300', /Order/);
    expect(await documents.table.getByRole('row').count()).toBeLessThan(60);
    const oldest = documents.row('Filing number 1');
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(oldest).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(oldest).toHaveAttribute('aria-rowindex', '301');
    await page.evaluate(() => window.scrollTo(0, 0));
    await choose(page, 'Sort by', 'Filed, oldest first');
    await expect(oldest).toHaveAttribute('aria-rowindex', '2');
  });
});
