import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { AppSession, expect, test } from './fixtures';
import { BackupsPage, dumpDatabase, type DatabaseDump } from './models/backups';
import { openSampleCaseFile } from './models/welcome';

/** The sample case file with every filing's text extracted, so nothing changes behind the test. */
async function settledSample(page: Page): Promise<DatabaseDump> {
  await openSampleCaseFile(page);
  await expect
    .poll(async () => {
      const dump = await dumpDatabase(page);
      const documents = dump.documents as { textStatus: string }[];
      return documents.length > 0 && documents.every((doc) => doc.textStatus !== 'pending');
    })
    .toBe(true);
  return dumpDatabase(page);
}

test.describe('backups', () => {
  test('backs up, then restores into an empty profile with every table and file intact', async ({
    app,
  }, testInfo) => {
    const before = await settledSample(app.page);
    expect(before.disputes!.length).toBeGreaterThan(0);
    expect(before.files!.length).toBeGreaterThan(0);
    for (const file of before.files as { sha256: string; bytesSha256: string }[]) {
      expect(file.bytesSha256).toBe(file.sha256);
    }

    const backups = new BackupsPage(app.page);
    await backups.open();
    const archivePath = testInfo.outputPath('backup.zip');
    await backups.backUpTo(archivePath);

    // Another machine: a fresh profile whose database is empty.
    const fresh = new AppSession(
      testInfo.outputPath('fresh-profile'),
      testInfo.project.use.baseURL ?? '',
    );
    try {
      const page = await fresh.start();
      const empty = await dumpDatabase(page);
      expect(empty.disputes).toEqual([]);
      const restoring = new BackupsPage(page);
      await restoring.open();
      // The browser host downloads the safety backup of what was there before.
      const safetyDownload = page.waitForEvent('download');
      await restoring.restoreFrom(archivePath);
      expect((await safetyDownload).suggestedFilename()).toMatch(/-before-restore\.zip$/);
      await expect(page.getByText(/Your case files are now those of “backup\.zip”/)).toBeVisible();
      expect(await dumpDatabase(page)).toEqual(before);

      // And they survive a restart.
      const restarted = await fresh.restart();
      await expect(
        restarted
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Disputes' }),
      ).toBeVisible();
      expect(await dumpDatabase(restarted)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  test('refuses a file that is not a backup with a clear message, changing nothing', async ({
    app,
  }, testInfo) => {
    const before = await settledSample(app.page);
    const backups = new BackupsPage(app.page);
    await backups.open();
    const notZip = testInfo.outputPath('notes.zip');
    await writeFile(notZip, 'These are meeting notes, not an archive.');
    await backups.restoreFrom(notZip);
    await expect(app.page.getByText('The backup was not restored')).toBeVisible();
    await expect(
      app.page.getByText(
        'This file is not a Casefile archive (it is not a zip file). Nothing was changed.',
      ),
    ).toBeVisible();
    expect(await dumpDatabase(app.page)).toEqual(before);
  });

  test('saves the automatic backup settings', async ({ app }) => {
    await app.page.getByRole('button', { name: 'Start empty' }).click();
    const backups = new BackupsPage(app.page);
    await backups.open();
    const form = app.page.getByRole('form', { name: 'Automatic backups' });
    await form.getByLabel('Back up when Casefile quits').uncheck();
    await form.getByLabel('Daily backups to keep').fill('7');
    await form.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(app.page.getByText('Backup settings saved')).toBeVisible();
    const page = await app.restart();
    await new BackupsPage(page).open();
    const reloaded = page.getByRole('form', { name: 'Automatic backups' });
    await expect(reloaded.getByLabel('Back up when Casefile quits')).not.toBeChecked();
    await expect(reloaded.getByLabel('Back up once a day while Casefile runs')).toBeChecked();
    await expect(reloaded.getByLabel('Daily backups to keep')).toHaveValue('7');
  });

  test('refuses backup counts out of range by their fields, never clamping them', async ({
    app,
  }) => {
    await app.page.getByRole('button', { name: 'Start empty' }).click();
    const backups = new BackupsPage(app.page);
    await backups.open();
    const form = app.page.getByRole('form', { name: 'Automatic backups' });
    const daily = form.getByLabel('Daily backups to keep');
    const weekly = form.getByLabel('Weekly backups to keep');
    await daily.fill('999');
    await weekly.fill('-3');
    await weekly.blur();
    // What was typed stays typed: nothing is changed behind the person's back.
    await expect(daily).toHaveValue('999');
    await expect(weekly).toHaveValue('-3');
    await form.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(daily).toHaveAccessibleDescription(/Keep at most 365 daily backups\./);
    await expect(weekly).toHaveAccessibleDescription(/Enter 0 or more weekly backups/);
    await expect(app.page.getByText('Backup settings saved')).toBeHidden();

    const page = await app.restart();
    await new BackupsPage(page).open();
    const reloaded = page.getByRole('form', { name: 'Automatic backups' });
    await expect(reloaded.getByLabel('Daily backups to keep')).toHaveValue('14');
    await expect(reloaded.getByLabel('Weekly backups to keep')).toHaveValue('8');
  });
});
