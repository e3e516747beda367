import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { BackupEncryption } from './models/backup-encryption';
import { BackupsPage, dumpDatabase } from './models/backups';
import { waitForExtraction } from './models/bundles';

const PASSPHRASE = 'orange kettle under moonlight';

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
    await page.getByRole('button', { name: 'Open the sample case file' }).click();
    await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible({
      timeout: 30_000,
    });
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
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
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
});
