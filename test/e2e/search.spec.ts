import type { Page } from '@playwright/test';
import { version2Stores } from '../../renderer/src/db/migrations/0002-dispute-status-index';
import { textPdf } from '../fixtures/pdfs';
import { expect, test } from './fixtures';
import { BackupsPage } from './models/backups';
import { DisputePage } from './models/dispute-page';
import { DocumentsTab } from './models/documents';
import { NotesTab } from './models/notes';
import { SearchPageModel, SearchPalette } from './models/search';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

const ORION = 'Orion Mobile v. Nimbus Devices (fictional)';

/** The sample case file plus what only a test needs: a patent number, Chinese text, a filing. */
async function sampleWithExtras(page: Page) {
  await openSampleCaseFile(page);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Disputes' })
    .click();
  await page.getByRole('link', { name: ORION }).click();
  await expect(page.getByRole('heading', { name: ORION, level: 1 })).toBeVisible();
  const dispute = new DisputePage(page);
  await dispute.addPatent({
    number: 'US 10,123,456 B2',
    jurisdiction: 'US',
    title: 'Beam refinement (fictional)',
    claims: '1-3',
  });
  await dispute.tab('Notes');
  await new NotesTab(page).add({
    date: '2026-03-20',
    kind: 'Meeting',
    title: 'Call with the Shenzhen team (fictional)',
    body: '讨论了小米的专利许可条件。 The **royalty base** stays open.',
  });
  const documents = new DocumentsTab(page);
  await documents.open();
  await documents.attachThroughChooser([
    {
      name: 'claim-construction.pdf',
      mimeType: 'application/pdf',
      buffer: await textPdf([
        ['Order of the court (fictional).', 'Procedural history.'],
        ['The Markman order construes claim 1.', 'Beam refinement means selecting a beam.'],
      ]),
    },
  ]);
  await documents.expectRow('claim-construction', 'Text extracted');
}

test.describe('search', () => {
  test('finds each kind through Ctrl+K and through the search page, by keyboard', async ({
    app,
  }) => {
    // One long journey through every kind; a machine shared by many runs needs the time.
    test.setTimeout(240_000);
    const page = app.page;
    await sampleWithExtras(page);
    const palette = new SearchPalette(page);

    // A dispute by its title; Enter opens it.
    await palette.search('Lumen Displays');
    await palette.open(/^dispute Lumen Displays v\. Vireo Tech/);
    await expect(
      page.getByRole('heading', { name: 'Lumen Displays v. Vireo Tech (fictional)', level: 1 }),
    ).toBeVisible();

    // An organisation by its outside counsel; the party's row is focused on the Parties tab.
    await palette.search('Placeholder Partner');
    await palette.open(/^organisation Orion Mobile AG/);
    await expect(page.getByRole('tab', { name: 'Parties' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator(':focus')).toContainText('Placeholder & Partner');

    // A proceeding by its court; a deadline by its title; a note by a phrase.
    await palette.search('Munich Regional Court');
    await expect(palette.result(/^proceeding Munich I Regional Court/)).toBeVisible();
    await palette.search('statement of defence');
    await expect(palette.result(/^deadline Statement of defence/)).toBeVisible();
    await palette.search('"without prejudice"');
    await palette.open(/^note First call with Nimbus/);
    await expect(page.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(':focus')).toContainText('without prejudice');

    // A patent number in three writings; it opens the Patents tab on its row.
    for (const writing of ['US10123456', '10123456', 'US 10,123,456 B2']) {
      await palette.search(writing);
      await expect(palette.result(/^patent US 10,123,456 B2/)).toBeVisible();
    }
    await palette.open(/^patent US 10,123,456 B2/);
    await expect(page.getByRole('tab', { name: 'Patents' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator(':focus')).toContainText('US 10,123,456 B2');

    // A Chinese bigram finds the note written in Chinese, with the match marked.
    await palette.search('小米');
    const chinese = palette.result(/^note Call with the Shenzhen team/);
    await expect(chinese.locator('mark')).toHaveText(['小米']);

    // A filing's hit names its page and opens the viewer there, the words marked.
    await palette.search('markman order');
    const filing = palette.result(/^filing claim-construction, page 2/);
    await expect(filing.locator('mark')).toHaveText(['Markman', 'order']);
    await palette.open(/^filing claim-construction, page 2/);
    const viewer = page.getByRole('dialog', { name: 'claim-construction' });
    // The preview opens on page 2, the words marked on the page itself …
    await expect(viewer.getByRole('tab', { name: 'Preview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const previewPage = viewer.getByRole('region', { name: 'Page 2 of claim-construction' });
    await expect(previewPage).toHaveAttribute('data-rendered', 'true');
    await expect(previewPage.locator('mark')).toHaveText(['Markman', 'order']);
    await expect(viewer.getByRole('textbox', { name: 'Page' })).toHaveValue('2');
    // … and the extracted text opens at the same page, marked too.
    await viewer.getByRole('tab', { name: 'Extracted text' }).click();
    const page2 = viewer.getByRole('region', { name: 'Text of page 2' });
    await expect(page2).toBeInViewport();
    await expect(page2.locator('mark')).toHaveText(['Markman', 'order']);
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // The search page shows every kind; a result is reached with Tab and opened with Enter.
    const searchPage = new SearchPageModel(page);
    await searchPage.openFromPalette('fictional');
    for (const kind of [
      'Disputes',
      'Organisations',
      'Patents',
      'Proceedings',
      'Notes',
      'Deadlines',
      'Filings',
    ]) {
      await expect(searchPage.group(kind)).toBeVisible();
    }
    await searchPage.input.fill('beam refinement');
    await expect(searchPage.result(/^filing claim-construction, page 2/)).toBeVisible();
    await searchPage.openByKeyboard(/^patent US 10,123,456 B2/);
    await expect(page.getByRole('tab', { name: 'Patents' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('an edit and a delete are reflected at once', async ({ app }) => {
    const page = app.page;
    await sampleWithExtras(page);
    const searchPage = new SearchPageModel(page);
    await searchPage.openFromPalette('royalty base');
    await expect(searchPage.result(/^note Call with the Shenzhen team/)).toBeVisible();
    expect(await seriousViolations(page), 'the search page').toEqual([]);

    await searchPage.openByKeyboard(/^note Call with the Shenzhen team/);
    const notes = new NotesTab(page);
    const card = notes.note(/Call with the Shenzhen team/);
    await card.getByRole('button', { name: /^Edit/ }).click();
    const dialog = notes.dialog('Edit note');
    await notes.body(dialog).fill('Counter-offer on the lump sum only.');
    await dialog.getByRole('button', { name: /Save/ }).click();
    await expect(dialog).toBeHidden();

    const palette = new SearchPalette(page);
    await palette.search('royalty base');
    await expect(page.getByText('Nothing found for “royalty base”.')).toBeVisible();
    await palette.search('lump sum only');
    await expect(palette.result(/^note Call with the Shenzhen team/)).toBeVisible();
    await palette.close();

    await card.getByRole('button', { name: /^Delete/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect(card).toHaveCount(0);
    await palette.search('lump sum only');
    await expect(page.getByText('Nothing found for “lump sum only”.')).toBeVisible();
  });

  test('indexes on its own, with progress, a database written before the index existed', async ({
    app,
  }) => {
    // Building from 20,000 notes is the point; on a machine shared by many runs it takes a while.
    test.setTimeout(240_000);
    // A schema-2 database as the previous version left it: no outbox, no index anywhere. Written
    // with no Casefile running: this version, started first on the profile, would have built an
    // index of the empty database and, when fast enough, recorded it as complete.
    await app.context.close();
    const page = await app.startWithoutApp();
    await page.evaluate(async () => {
      const files = await navigator.storage.getDirectory();
      for await (const name of files.keys()) await files.removeEntry(name, { recursive: true });
      await new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase('casefile');
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
      });
    });
    await writeVersion2Database(page, 20_000);
    await app.restart();
    await expect(app.page.getByText(/Indexing [\d,]+ of 20,001 items/)).toBeVisible({
      timeout: 30_000,
    });
    const palette = new SearchPalette(app.page);
    await palette.search('quokka');
    await expect(palette.result(/^note Note 19999 about the quokka/)).toBeVisible({
      timeout: 150_000,
    });
    await expect(app.page.getByText(/Indexing/)).toHaveCount(0, { timeout: 60_000 });
  });

  test('rebuilds the index after a restore', async ({ app }, testInfo) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const backups = new BackupsPage(page);
    await backups.open();
    const archive = testInfo.outputPath('backup.zip');
    await backups.backUpTo(archive);

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await page.getByRole('link', { name: ORION }).click();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await new NotesTab(page).add({
      kind: 'Meeting',
      title: 'Added after the backup',
      body: 'okapi',
    });
    const palette = new SearchPalette(page);
    await palette.search('okapi');
    await expect(palette.result(/^note Added after the backup/)).toBeVisible();
    await palette.close();

    await backups.open();
    await backups.restoreFrom(archive);
    await palette.search('okapi');
    await expect(page.getByText('Nothing found for “okapi”.')).toBeVisible();
    await palette.search('without prejudice');
    await expect(palette.result(/^note First call with Nimbus/)).toBeVisible();
  });
});

/** Writes `notes` notes and one dispute with raw IndexedDB at schema version 2 (Dexie's 20). */
async function writeVersion2Database(page: Page, notes: number) {
  await page.evaluate(
    async ({ count, schema }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('casefile', 20);
        // Dexie's schema syntax: the first entry is the key, then the indexes.
        request.onupgradeneeded = () => {
          for (const [name, spec] of Object.entries(schema)) {
            const [key, ...indexes] = spec.split(',').map((part) => part.trim());
            const store = request.result.createObjectStore(name, {
              keyPath: key!.replace(/^\+\+/, ''),
              autoIncrement: key!.startsWith('++'),
            });
            for (const index of indexes) {
              const bare = index.replace(/^[&*]/, '');
              const compound = /^\[(.*)\]$/.exec(bare);
              store.createIndex(bare, compound ? compound[1]!.split('+') : bare, {
                unique: index.startsWith('&'),
                multiEntry: index.startsWith('*'),
              });
            }
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const at = '2025-01-01T00:00:00.000Z';
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['disputes', 'notes', 'settings'], 'readwrite');
        tx.objectStore('settings').put({ key: 'welcome-dismissed', value: true });
        tx.objectStore('disputes').put({
          id: 'd1',
          title: 'Older Corp v. Earlier Inc (fictional)',
          matterNumber: '',
          ourRole: 'plaintiff',
          status: 'active',
          summary: '',
          tags: [],
          privilege: 'none',
          openedOn: '',
          closedOn: '',
          resolution: null,
          createdAt: at,
          updatedAt: at,
        });
        const notesStore = tx.objectStore('notes');
        for (let i = 0; i < count; i += 1) {
          notesStore.put({
            id: `n${i}`,
            disputeId: 'd1',
            date: '2025-01-01',
            kind: 'internal-assessment',
            participants: '',
            amount: null,
            currency: '',
            title: `Note ${i}${i === count - 1 ? ' about the quokka' : ''}`,
            body: `Assessment number ${i} of the licensing position and the running royalty.`,
            documentIds: [],
            privilege: 'none',
            recordsResolution: false,
            createdAt: at,
            updatedAt: at,
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { count: notes, schema: version2Stores as Record<string, string> },
  );
}
