import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { BackupEncryption } from './models/backup-encryption';
import { BackupsPage, dumpDatabase } from './models/backups';
import { waitForExtraction } from './models/bundles';
import { openSampleCaseFile } from './models/welcome';

const PASSPHRASE = 'orange kettle under moonlight';

/** As in accessibility.spec.ts: serious or critical findings only. */
function serious(violations: { id: string; impact?: string | null }[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}

/** What any tool outside Casefile sees of a zip: its listing, and every entry's bytes. */
async function outsideView(path: string) {
  // Debian's unzip lists the zip as any tool outside Casefile would see it.
  const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  const bytes = Buffer.concat(Object.values(entries)).toString('latin1');
  return { listing, names: Object.keys(entries), bytes };
}

test.describe('encrypted backups', () => {
  // Argon2id at its product strength (64 MiB) for each backup and each passphrase tried.
  test.describe.configure({ timeout: 300_000 });

  test('a backup sealed with a passphrase shows nothing but sizes and restores only with it', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await openSampleCaseFile(page);
    await waitForExtraction(page);

    const backups = new BackupsPage(page);
    await backups.open();
    const encryption = new BackupEncryption(page);
    // A browser has no keychain: it says so rather than offer to remember the passphrase.
    await encryption.form.getByRole('checkbox', { name: 'Encrypt backups' }).check();
    await expect(
      encryption.form.getByText(/Remembering the passphrase is not available in the browser/),
    ).toBeVisible();
    const axe = await new AxeBuilder({ page })
      .include('form[aria-label="Backup encryption"]')
      .analyze();
    expect(serious(axe.violations)).toEqual([]);
    expect(await encryption.turnOn(PASSPHRASE)).toMatch(/^Strong/);
    const before = await dumpDatabase(page);

    const archivePath = testInfo.outputPath('backup.zip');
    await backups.backUpTo(archivePath);
    const seen = await outsideView(archivePath);
    expect(seen.listing).toContain('casefile-encryption.json');
    expect(seen.listing).toContain('e/000001');
    expect(seen.names.every((name) => /^(casefile-encryption\.json|e\/\d{6})$/.test(name))).toBe(
      true,
    );
    for (const hidden of ['records/', 'disputes', 'notes', 'manifest', 'files/', 'Huawei']) {
      expect(seen.listing).not.toContain(hidden);
    }
    for (const secret of ['Huawei', 'Xiaomi', 'cross-licen', '"title"']) {
      expect(seen.bytes).not.toContain(secret);
    }

    // A change after the backup, which a restore must undo, and a wrong passphrase must not.
    const settings = page.getByRole('form', { name: 'Automatic backups' });
    await settings.getByRole('checkbox', { name: 'Back up when Casefile quits' }).uncheck();
    await settings.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(page.getByText('Backup settings saved')).toBeVisible();
    const changed = await dumpDatabase(page);
    expect(changed).not.toEqual(before);

    await backups.restoreFrom(archivePath);
    await expect(encryption.unlockDialog).toBeVisible();
    await encryption.unlock('not the passphrase at all');
    await expect(encryption.unlockDialog.getByRole('alert')).toHaveText(
      /The passphrase is not right for this file\. Nothing was changed\./,
      { timeout: 60_000 },
    );
    expect(await dumpDatabase(page)).toEqual(changed);

    // The safety backup of what is there now is sealed like every other backup.
    const safetyDownload = page.waitForEvent('download');
    await encryption.unlock(PASSPHRASE);
    const safety = await safetyDownload;
    expect(safety.suggestedFilename()).toMatch(/-before-restore\.zip$/);
    const safetyPath = testInfo.outputPath('before-restore.zip');
    await safety.saveAs(safetyPath);
    await expect(encryption.unlockDialog).toBeHidden({ timeout: 60_000 });
    await expect(page.getByText(/Your case files are now those of “backup\.zip”/)).toBeVisible();
    expect(await dumpDatabase(page)).toEqual(before);
    const safetySeen = await outsideView(safetyPath);
    expect(safetySeen.listing).toContain('casefile-encryption.json');
    expect(safetySeen.bytes).not.toContain('Huawei');
  });

  test('after a restart, “Back up now” asks for the passphrase instead of writing plain text', async ({
    app,
  }, testInfo) => {
    await app.page.getByRole('button', { name: 'Start empty' }).click();
    const backups = new BackupsPage(app.page);
    await backups.open();
    await new BackupEncryption(app.page).turnOn(PASSPHRASE);

    // A browser remembers no passphrase: after a restart it is not known.
    const page = await app.restart();
    const again = new BackupsPage(page);
    await again.open();
    const encryption = new BackupEncryption(page);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await expect(encryption.form.getByRole('checkbox', { name: 'Encrypt backups' })).toBeChecked();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(encryption.prompt).toBeVisible();
    await expect(
      encryption.prompt.getByText(/Remembering the passphrase is not available in the browser/),
    ).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(serious(axe.violations)).toEqual([]);
    await encryption.prompt.getByRole('button', { name: 'Cancel' }).click();
    await expect(encryption.prompt).toBeHidden();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await encryption.answerPrompt(PASSPHRASE);
    const path = testInfo.outputPath('asked.zip');
    await (await downloading).saveAs(path);
    await expect(encryption.prompt).toBeHidden();
    // The cancelled backup wrote nothing at all: this is the one download.
    expect(downloads).toHaveLength(1);
    const seen = await outsideView(path);
    expect(seen.names[0]).toBe('casefile-encryption.json');
    expect(seen.listing).not.toContain('records/');
    expect(seen.listing).not.toContain('manifest');
  });
});
