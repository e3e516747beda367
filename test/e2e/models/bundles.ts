/**
 * Case bundles through the UI: "Export case bundle…" on the dispute page (a download in the browser
 * host) and "Import case bundle…" in the app menu, choosing the file through the file chooser as a
 * person would. `dumpDispute` reads the real IndexedDB of the page, independently of the app's
 * code, so the round trip is checked against what the browser actually stored.
 */
import { expect, type Page } from '@playwright/test';

export class Bundles {
  constructor(readonly page: Page) {}

  async openDispute(title: string) {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await this.page
      .getByRole('table', { name: 'Disputes' })
      .getByRole('link', { name: title, exact: true })
      .click();
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  /** Exports the open dispute and saves the download at `path`. */
  async exportTo(path: string, options: { includePrivileged: boolean; passphrase?: string }) {
    await this.page.getByRole('button', { name: 'More actions for this dispute' }).click();
    await this.page.getByRole('menuitem', { name: 'Export case bundle…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export case bundle' });
    const privileged = dialog.getByLabel('Include privileged notes and documents');
    await expect(privileged).not.toBeChecked();
    if (options.includePrivileged) await privileged.check();
    if (options.passphrase !== undefined) {
      await dialog.getByLabel('Encrypt with a passphrase').check();
      await expect(dialog.getByText('A lost passphrase cannot be recovered')).toBeVisible();
      await dialog.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
      await dialog.getByLabel('Passphrase again').fill(options.passphrase);
    }
    const downloading = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.casefile$/);
    await download.saveAs(path);
    await expect(dialog).toBeHidden();
  }

  /** Opens the import dialog from the app menu and chooses `path`; returns the dialog. */
  async choose(path: string) {
    await this.page.getByRole('button', { name: 'Casefile menu' }).click();
    await this.page.getByRole('menuitem', { name: 'Import case bundle…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import case bundle' });
    const choosing = this.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Case bundle file' }).click();
    await (await choosing).setFiles(path);
    return dialog;
  }

  /** Answers the passphrase modal an encrypted bundle brings up; returns the modal. */
  async unlock(passphrase: string) {
    const modal = this.page.getByRole('dialog', { name: 'Passphrase needed' });
    await modal.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await modal.getByRole('button', { name: 'Open' }).click();
    return modal;
  }

  async importNew(path: string, title: string) {
    const dialog = await this.choose(path);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }
}

/**
 * One dispute's subgraph as stored in IndexedDB (found by title), with file bytes replaced by
 * their SHA-256 computed in the page. Ids are kept, so two dumps compare record for record.
 */
export async function dumpDispute(page: Page, title: string) {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      });
    const hex = (buffer: ArrayBuffer) =>
      [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const disputes = (await all('disputes')).filter((d) => d.title === wanted);
    const id = disputes[0]?.id;
    const mine = async (store: string) => (await all(store)).filter((r) => r.disputeId === id);
    const parties = await mine('disputeParties');
    const assertions = await mine('assertions');
    const documents = await mine('documents');
    const patentIds = new Set(assertions.map((a) => a.patentId));
    const patents = (await all('patents')).filter((p) => patentIds.has(p.id));
    const organisationIds = new Set([
      ...parties.map((p) => p.organisationId),
      ...patents.map((p) => p.ownerId),
    ]);
    const hashes = new Set(documents.map((d) => d.sha256));
    const files = await Promise.all(
      (await all('files'))
        .filter((f) => hashes.has(f.sha256))
        .map(async ({ blob, ...facts }) => ({
          ...(facts as { sha256: string }),
          bytesSha256: hex(
            await crypto.subtle.digest('SHA-256', await (blob as Blob).arrayBuffer()),
          ),
        })),
    );
    const result = {
      disputes,
      organisations: (await all('organisations')).filter((o) => organisationIds.has(o.id)),
      disputeParties: parties,
      proceedings: await mine('proceedings'),
      patents,
      assertions,
      documents,
      files,
      documentTexts: (await all('documentTexts')).filter((t) => hashes.has(t.sha256)),
      notes: await mine('notes'),
      deadlines: await mine('deadlines'),
    };
    db.close();
    return result;
  }, title);
}

/** Waits until background text extraction has nothing left to do, so the data stops changing. */
export async function waitForExtraction(page: Page) {
  await expect
    .poll(
      async () =>
        (await dumpAll(page)).documents!.filter(
          (d) => (d as { textStatus: string }).textStatus === 'pending',
        ).length,
      { timeout: 30_000 },
    )
    .toBe(0);
}

/**
 * Every row of every table, for "nothing changed" checks (blobs by size, enough to see a write).
 * The search index's outbox and the dashboard's dispute facts (with their marks) are left out, as
 * dumpDatabase (backups.ts) leaves them out: derived bookkeeping that the app's background work
 * consumes and refills on its own (the index took the sample's last outbox entries between two
 * dumps once, in CI).
 */
export async function dumpAll(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const result: Record<string, unknown[]> = {};
    const derived = new Set(['searchOutbox', 'disputeFacts', 'disputeFactsDirty']);
    for (const store of [...db.objectStoreNames].filter((name) => !derived.has(name))) {
      result[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () =>
          resolve(
            (request.result as Record<string, unknown>[]).map((row) =>
              row.blob instanceof Blob ? { ...row, blob: row.blob.size } : row,
            ),
          );
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return result;
  });
}
