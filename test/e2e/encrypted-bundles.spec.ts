import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { AppSession, expect, test } from './fixtures';
import { Bundles, dumpAll, dumpDispute, waitForExtraction } from './models/bundles';
import { openSampleCaseFile } from './models/welcome';

const HUAWEI = 'Huawei v. Xiaomi';
const PASSPHRASE = 'orange kettle under moonlight';

test.describe('encrypted case bundles', () => {
  // Two browser profiles, the sample's PDFs and Argon2id at its product strength (64 MiB).
  test.describe.configure({ timeout: 300_000 });

  test('an encrypted bundle shows nothing but sizes, and opens only with its passphrase', async ({
    app,
    baseURL,
  }, testInfo) => {
    await openSampleCaseFile(app.page);
    await waitForExtraction(app.page);
    const bundlePath = testInfo.outputPath('huawei.casefile');
    await new Bundles(app.page).exportTo(bundlePath, {
      includePrivileged: true,
      passphrase: PASSPHRASE,
    });
    const sent = await dumpDispute(app.page, HUAWEI);

    // Debian's unzip lists the zip as any tool outside Casefile would see it.
    const listing = execFileSync('unzip', ['-l', bundlePath], { encoding: 'utf8' });
    expect(listing).toContain('casefile-encryption.json');
    expect(listing).toContain('e/000001');
    for (const hidden of ['records/', 'disputes', 'notes', 'manifest', 'files/', 'Huawei']) {
      expect(listing).not.toContain(hidden);
    }
    const header = execFileSync('unzip', ['-p', bundlePath, 'casefile-encryption.json'], {
      encoding: 'utf8',
    });
    expect(header).not.toContain('Huawei');

    const colleague = new AppSession(testInfo.outputPath('colleague'), baseURL ?? '');
    await colleague.start();
    try {
      await colleague.page.getByRole('button', { name: 'Start empty' }).click();
      const bundles = new Bundles(colleague.page);
      const before = await dumpAll(colleague.page);
      await bundles.choose(bundlePath);
      const modal = await bundles.unlock('not the passphrase');
      await expect(modal.getByRole('alert')).toHaveText(
        /The passphrase is not right for this file\. Nothing was changed\./,
      );
      expect(await dumpAll(colleague.page)).toEqual(before);
      const axe = await new AxeBuilder({ page: colleague.page })
        .include('[role="dialog"]')
        .analyze();
      // As in accessibility.spec.ts: serious or critical only (every Mantine modal's <header> is a
      // second banner landmark, a moderate finding of the whole app's).
      const serious = axe.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => v.id)).toEqual([]);

      await bundles.unlock(PASSPHRASE);
      await expect(modal).toBeHidden({ timeout: 60_000 });
      const dialog = colleague.page.getByRole('dialog', { name: 'Import case bundle' });
      await expect(dialog.getByText(HUAWEI, { exact: true })).toBeVisible();
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });
      await expect(colleague.page.getByRole('heading', { name: HUAWEI, level: 1 })).toBeVisible();
      expect(await dumpDispute(colleague.page, HUAWEI)).toEqual(sent);
    } finally {
      await colleague.close();
    }
  });
});
