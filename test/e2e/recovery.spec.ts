import { expect, test } from './fixtures';
import { BackupsPage, dumpDatabase } from './models/backups';
import { damageIndexedDb, RecoveryScreen } from './models/recovery';
import { DisputePage } from './models/dispute-page';
import { NotesTab } from './models/notes';
import { SearchPalette } from './models/search';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

test.describe('opening case files that cannot be opened', () => {
  test('a damaged IndexedDB folder gets the recovery screen, and starting empty works', async ({
    app,
    baseURL,
  }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    await app.close();

    const damaged = damageIndexedDb(app.userDataDir, baseURL ?? '');
    expect(damaged.length).toBeGreaterThan(0);

    const reopened = await app.start();
    const recovery = new RecoveryScreen(reopened);
    await expect(recovery.heading()).toBeVisible();
    await expect(recovery.explanation()).toContainText('was damaged');
    await expect(reopened.getByRole('button', { name: 'Show data folder' })).toBeVisible();
    await expect(
      reopened.getByRole('button', { name: 'Restore from the newest backup' }),
    ).toBeDisabled();

    await recovery.startEmpty();
    await expect(reopened.getByRole('heading', { name: 'Welcome to Casefile' })).toBeVisible();
    await openSampleCaseFile(reopened);
    // The damaged database was left where it was, beside the new one.
    const names = await reopened.evaluate(async () =>
      (await indexedDB.databases()).map((database) => database.name),
    );
    expect(names).toEqual(expect.arrayContaining(['casefile', 'casefile-2']));
    // Search follows the new database, not the one kept aside: a note written now is found.
    await reopened
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await reopened
      .getByRole('link', { name: 'Orion Mobile v. Nimbus Devices (fictional)' })
      .click();
    await new DisputePage(reopened).tab('Notes');
    await new NotesTab(reopened).add({ kind: 'Meeting', title: 'After the damage', body: 'okapi' });
    const palette = new SearchPalette(reopened);
    await palette.search('okapi');
    await expect(palette.result(/^note After the damage/)).toBeVisible({ timeout: 30_000 });
  });

  test('“Restore from the newest backup” brings back the case files the browser kept a backup of', async ({
    app,
    baseURL,
  }, testInfo) => {
    const page = app.page;
    await openSampleCaseFile(page);
    // The sample's filings have their text read in the background; the backup is compared with
    // the database after it, so it is made once that is done (a filing backed up while pending is
    // restored pending, and read again then).
    await expect
      .poll(
        async () =>
          ((await dumpDatabase(page)).documents as { textStatus: string }[]).map(
            (d) => d.textStatus,
          ),
        {
          timeout: 30_000,
        },
      )
      .not.toContain('pending');
    const backups = new BackupsPage(page);
    await backups.open();
    // The browser host downloads the backup and keeps a copy in the profile's private storage.
    const name = await backups.backUpTo(testInfo.outputPath('downloaded.zip'));
    const before = await dumpDatabase(page);
    await app.close();

    expect(damageIndexedDb(app.userDataDir, baseURL ?? '').length).toBeGreaterThan(0);
    const reopened = await app.start();
    const recovery = new RecoveryScreen(reopened);
    await expect(recovery.heading()).toBeVisible();
    await expect(reopened.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveText([
      new RegExp(name.replace(/\./g, '\\.')),
    ]);
    await reopened.getByRole('button', { name: 'Restore from the newest backup' }).click();

    await expect(
      reopened.getByText(`Your case files are now those of the backup ${name}.`),
    ).toBeVisible({
      timeout: 60_000,
    });
    // Everything the backup held is back, every stored file with the same bytes.
    const after = await dumpDatabase(reopened);
    for (const table of ['disputes', 'notes', 'documents', 'files', 'proceedings', 'patents']) {
      expect(after[table], table).toEqual(before[table]);
    }
  });

  test('a database written by a newer Casefile is named as such', async ({ app }) => {
    const page = app.page;
    // A blank page of the same origin, where only this test opens the database.
    await page.route('**/blank.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Blank</title>' }),
    );
    await page.goto('/blank.html');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('casefile');
          request.onsuccess = () => {
            const open = indexedDB.open('casefile', 9999);
            open.onupgradeneeded = () => open.result.createObjectStore('fromTheFuture');
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
            open.onerror = () => reject(open.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.goto('/index.html');
    const recovery = new RecoveryScreen(page);
    await expect(recovery.heading()).toBeVisible();
    await expect(recovery.explanation()).toContainText('written by a newer version of Casefile');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
