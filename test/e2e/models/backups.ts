/**
 * The Backups page through the UI: "Back up now" (a download in the browser host) and "Restore from
 * a file…" through the file chooser, as a person would. `dumpDatabase` reads the page's real
 * IndexedDB without the app's code, hashing every stored file, so a round trip is checked against
 * what the browser actually stored.
 */
import { expect, type Page } from '@playwright/test';

export type DatabaseDump = Record<string, unknown[]>;

export class BackupsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Backups' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  }

  /** Backs up from the page and saves the downloaded archive at `path`. */
  async backUpTo(path: string): Promise<string> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^casefile-.*-manual\.zip$/);
    await download.saveAs(path);
    await expect(this.page.getByText('Every case file is in the download')).toBeVisible();
    return download.suggestedFilename();
  }

  /** Chooses `path` in "Restore from a file…" and confirms the replacement. */
  async restoreFrom(path: string) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore from a file…' }).click();
    await (await choosing).setFiles(path);
    const dialog = this.page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByRole('button', { name: 'Replace my case files' }).click();
    await expect(dialog).toBeHidden();
  }
}

/**
 * Every object store of the `casefile` database, each stored Blob replaced by its SHA-256; the
 * search index's outbox and the dashboard's dispute facts (with their marks) are left out: they
 * are derived bookkeeping that a restore rightly refills.
 */
export async function dumpDatabase(page: Page): Promise<DatabaseDump> {
  return page.evaluate(async () => {
    const hex = (buffer: ArrayBuffer) =>
      [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      // After the recovery screen kept a damaged database aside, the app opens the next name.
      const request = indexedDB.open(localStorage.getItem('casefile.databaseName') || 'casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const dump: Record<string, unknown[]> = {};
    const derived = new Set(['searchOutbox', 'disputeFacts', 'disputeFactsDirty']);
    for (const name of [...db.objectStoreNames].filter((store) => !derived.has(store))) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      dump[name] = await Promise.all(
        rows.map(async (row) => {
          if (typeof row !== 'object' || row === null || !('blob' in row)) return row;
          const { blob, ...rest } = row as { blob: Blob };
          return {
            ...rest,
            bytesSha256: hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())),
          };
        }),
      );
    }
    db.close();
    return dump;
  });
}
