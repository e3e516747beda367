import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export type TestFile = { name: string; mimeType: string; buffer: Buffer };

export function sha256Of(bytes: Buffer | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The Documents tab of a dispute page, and the document viewer it opens. */
export class DocumentsTab {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Documents' });
  }

  async open() {
    await this.page.getByRole('tab', { name: 'Documents' }).click();
    await expect(this.page.getByRole('tab', { name: 'Documents' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  /** Through the "Attach filing" button and the file chooser it opens, as a person would. */
  async attachThroughChooser(files: TestFile[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Attach filing' }).click();
    await (await chooser).setFiles(files);
  }

  /** Drags the files over `target` and drops them there, with a real DataTransfer. */
  async drop(target: Locator, files: TestFile[]) {
    const dataTransfer = await this.page.evaluateHandle(
      (list) => {
        const transfer = new DataTransfer();
        for (const file of list) {
          const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
        }
        return transfer;
      },
      files.map((f) => ({
        name: f.name,
        mimeType: f.mimeType,
        base64: f.buffer.toString('base64'),
      })),
    );
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await expect(this.page.getByRole('status').filter({ hasText: 'Drop the files' })).toHaveText(
      'Drop the files to attach them to this dispute.',
    );
    await target.dispatchEvent('drop', { dataTransfer });
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  async expectRow(title: string, cells: RegExp | string) {
    await expect(this.row(title)).toContainText(cells);
  }

  async view(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: title, exact: true }).click();
    const viewer = this.page.getByRole('dialog', { name: title });
    await expect(viewer).toBeVisible();
    return viewer;
  }

  /** Page `n` of the PDF in the viewer, once pdf.js has drawn it and laid its text over it. */
  async shownPage(viewer: Locator, title: string, n: number): Promise<Locator> {
    const page = viewer.getByRole('region', { name: `Page ${n} of ${title}` });
    // Parsing and drawing run in pdf.js's worker, which a busy machine can hold up for a while.
    await expect(page).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
    return page;
  }

  async edit(
    title: string,
    fields: { title?: string; docketEntry?: string; filedOn?: string; filedBy?: string },
  ) {
    await this.row(title)
      .getByRole('button', { name: `Edit document ${title}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Edit document' });
    if (fields.title !== undefined) await dialog.getByLabel('Title').fill(fields.title);
    if (fields.docketEntry !== undefined)
      await dialog.getByLabel('Docket entry').fill(fields.docketEntry);
    if (fields.filedOn !== undefined)
      await dialog.getByLabel('Filed', { exact: true }).fill(fields.filedOn);
    if (fields.filedBy !== undefined) await dialog.getByLabel('Filed by').fill(fields.filedBy);
    await dialog.getByRole('button', { name: 'Save document' }).click();
    await expect(dialog).toBeHidden();
  }

  async delete(title: string) {
    await this.row(title)
      .getByRole('button', { name: `Delete document ${title}` })
      .click();
    await this.confirmDelete();
    await expect(this.row(title)).toHaveCount(0);
  }

  async confirmDelete() {
    const dialog = this.page.getByRole('dialog', { name: 'Delete document?' });
    await dialog.getByRole('button', { name: 'Delete document', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** "Save a copy…" in the viewer; answers the bytes the browser downloaded. */
  async saveCopy(viewer: Locator): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await viewer.getByRole('button', { name: 'Save a copy…' }).click();
    return readFile(await (await download).path());
  }

  /** "Open with system app" in the viewer; in a browser that downloads a copy: answers its bytes. */
  async openWithSystemApp(viewer: Locator): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await viewer.getByRole('button', { name: 'Open with system app' }).click();
    return readFile(await (await download).path());
  }

  /** Counts straight from IndexedDB, bypassing the app, to check what is really stored. */
  stored(): Promise<{ documents: number; files: number }> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('casefile');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['documents', 'files'], 'readonly');
            const documents = tx.objectStore('documents').count();
            const files = tx.objectStore('files').count();
            tx.oncomplete = () => {
              resolve({ documents: documents.result, files: files.result });
              db.close();
            };
          };
        }),
    );
  }

  /**
   * Puts every document back to "text pending" and forgets the extracted text, straight in
   * IndexedDB: what the database holds when the app was closed before extraction finished.
   */
  markExtractionInterrupted(): Promise<void> {
    return this.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('casefile');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['documents', 'documentTexts'], 'readwrite');
            tx.objectStore('documentTexts').clear();
            const cursor = tx.objectStore('documents').openCursor();
            cursor.onsuccess = () => {
              const current = cursor.result;
              if (!current) return;
              current.update({ ...current.value, textStatus: 'pending', pageCount: null });
              current.continue();
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  }

  /** Replaces a stored file's bytes behind the app's back, as disk corruption or tampering would. */
  alterStoredBytes(sha256: string, replacement: string): Promise<void> {
    return this.page.evaluate(
      ([key, text]) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('casefile');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('files', 'readwrite');
            const store = tx.objectStore('files');
            const get = store.get(key);
            get.onsuccess = () => {
              store.put({ ...get.result, blob: new Blob([text]) });
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [sha256, replacement] as const,
    );
  }
}
