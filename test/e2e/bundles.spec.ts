import { writeFile } from 'node:fs/promises';
import { AppSession, expect, test } from './fixtures';
import { Bundles, dumpAll, dumpDispute, waitForExtraction } from './models/bundles';
import { openSampleCaseFile } from './models/welcome';

const HUAWEI = 'Huawei v. Xiaomi';
const ORION = 'Orion Mobile v. Nimbus Devices (fictional)';

async function openSample(app: AppSession) {
  await openSampleCaseFile(app.page);
  await waitForExtraction(app.page);
}

async function startEmpty(app: AppSession) {
  await app.page.getByRole('button', { name: 'Start empty' }).click();
  await expect(app.page.getByRole('heading', { name: 'Disputes', level: 1 })).toBeVisible();
}

test.describe('case bundles', () => {
  // Two browser profiles, the sample's PDFs and their text extraction: minutes on a busy machine.
  test.describe.configure({ timeout: 300_000 });

  test('a dispute exported as a bundle arrives whole in an empty database, and survives a restart', async ({
    app,
    baseURL,
  }, testInfo) => {
    await openSample(app);
    const bundlePath = testInfo.outputPath('huawei.casefile');
    await new Bundles(app.page).exportTo(bundlePath, { includePrivileged: true });
    const sent = await dumpDispute(app.page, HUAWEI);
    expect(sent.documents.length).toBeGreaterThan(0);
    expect(sent.notes.length).toBeGreaterThan(0);

    // A colleague's Casefile: another profile, empty.
    const colleague = new AppSession(testInfo.outputPath('colleague'), baseURL ?? '');
    await colleague.start();
    try {
      await startEmpty(colleague);
      await new Bundles(colleague.page).importNew(bundlePath, HUAWEI);
      await expect(colleague.page.getByText('Case bundle imported')).toBeVisible();
      const received = await dumpDispute(colleague.page, HUAWEI);
      expect(received).toEqual(sent);
      for (const file of received.files) expect(file.bytesSha256).toBe(file.sha256);

      const page = await colleague.restart();
      await new Bundles(page).openDispute(HUAWEI);
      expect(await dumpDispute(page, HUAWEI)).toEqual(sent);
    } finally {
      await colleague.close();
    }
  });

  test('leaves privileged notes out unless asked', async ({ app, baseURL }, testInfo) => {
    await openSample(app);
    const bundles = new Bundles(app.page);
    await bundles.openDispute(ORION);
    const bundlePath = testInfo.outputPath('orion.casefile');
    // Before anything is written, the dialog says exactly what goes and what stays behind.
    await app.page.getByRole('button', { name: 'More actions for this dispute' }).click();
    await app.page.getByRole('menuitem', { name: 'Export case bundle…' }).click();
    const exporting = app.page.getByRole('dialog', { name: 'Export case bundle' });
    const stays = exporting.getByRole('list', { name: 'What stays behind' });
    await expect(stays.getByRole('listitem')).toHaveText([/^\d+ privileged notes?$/]);
    await expect(exporting.getByRole('list', { name: 'What goes' })).toContainText('1 dispute');
    await exporting.getByLabel('Include privileged notes and documents').check();
    await expect(exporting.getByText('Nothing: the whole dispute goes.')).toBeVisible();
    await exporting.getByRole('button', { name: 'Cancel' }).click();
    await bundles.exportTo(bundlePath, { includePrivileged: false });
    expect((await dumpDispute(app.page, ORION)).notes.length).toBe(3);

    const colleague = new AppSession(testInfo.outputPath('colleague'), baseURL ?? '');
    await colleague.start();
    try {
      await startEmpty(colleague);
      const dialog = await new Bundles(colleague.page).choose(bundlePath);
      await expect(dialog.getByText('Without privileged notes and documents')).toBeVisible();
      await expect(dialog.getByText('0 notes')).toBeVisible();
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(colleague.page.getByRole('heading', { name: ORION, level: 1 })).toBeVisible();
      const received = await dumpDispute(colleague.page, ORION);
      expect(received.notes).toEqual([]);
      expect(received.proceedings.length).toBeGreaterThan(0);
    } finally {
      await colleague.close();
    }
  });

  test('asks before importing a dispute already on file: as a copy, or updating it', async ({
    app,
  }, testInfo) => {
    await openSample(app);
    const bundles = new Bundles(app.page);
    const bundlePath = testInfo.outputPath('huawei.casefile');
    await bundles.exportTo(bundlePath, { includePrivileged: true });
    const original = await dumpDispute(app.page, HUAWEI);

    let dialog = await bundles.choose(bundlePath);
    await expect(dialog.getByText('This dispute is already in your case files')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeHidden();
    await dialog.getByRole('button', { name: 'Import as a copy' }).click();
    await expect(
      app.page.getByRole('heading', { name: `${HUAWEI} (copy)`, level: 1 }),
    ).toBeVisible();
    const copy = await dumpDispute(app.page, `${HUAWEI} (copy)`);
    // Shared records are reused, the dispute's own are new.
    expect(copy.organisations).toEqual(original.organisations);
    expect(copy.patents).toEqual(original.patents);
    expect(copy.files).toEqual(original.files);
    expect(copy.proceedings.map((p) => p.id)).not.toEqual(original.proceedings.map((p) => p.id));
    expect(copy.notes).toHaveLength(original.notes.length);

    // Updating brings the bundle's version into the original and leaves the copy alone.
    await bundles.openDispute(HUAWEI);
    dialog = await bundles.choose(bundlePath);
    await expect(dialog.getByRole('list', { name: 'What the update will do' })).toContainText(
      'adds nothing',
    );
    await dialog.getByRole('button', { name: 'Update from bundle' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.page.getByText(`“${HUAWEI}” was updated from the bundle`)).toBeVisible();
    expect(await dumpDispute(app.page, HUAWEI)).toEqual(original);
    expect(await dumpDispute(app.page, `${HUAWEI} (copy)`)).toEqual(copy);
  });

  test('an update from a bundle without privileged notes keeps them, says so first, and backs up', async ({
    app,
  }, testInfo) => {
    await openSample(app);
    const bundles = new Bundles(app.page);
    await bundles.openDispute(ORION);
    const bundlePath = testInfo.outputPath('orion.casefile');
    await bundles.exportTo(bundlePath, { includePrivileged: false });
    const before = await dumpDispute(app.page, ORION);
    expect(before.notes).toHaveLength(3);

    const dialog = await bundles.choose(bundlePath);
    const plan = dialog.getByRole('list', { name: 'What the update will do' });
    await expect(plan).toContainText('adds nothing');
    await expect(plan).toContainText('keeps 3 notes that the bundle does not carry');
    await expect(dialog).toContainText('Nothing on file is deleted.');
    const safety = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Update from bundle' }).click();
    expect((await safety).suggestedFilename()).toMatch(/-before-import\.zip$/);
    await expect(dialog).toBeHidden();
    await expect(
      app.page.getByText(
        /was updated from the bundle: added nothing; changed nothing; kept 3 notes/,
      ),
    ).toBeVisible();
    expect(await dumpDispute(app.page, ORION)).toEqual(before);
  });

  test('refuses a file that is not a bundle, says why, and changes nothing', async ({
    app,
  }, testInfo) => {
    await openSample(app);
    const before = await dumpAll(app.page);
    const notBundle = testInfo.outputPath('notes.casefile');
    await writeFile(notBundle, 'These are my notes, not a zip file at all.\n'.repeat(10));

    const dialog = await new Bundles(app.page).choose(notBundle);
    await expect(dialog.getByRole('alert')).toContainText(
      '“notes.casefile” cannot be imported. This file is not a Casefile archive (it is not a zip file). Nothing was changed.',
    );
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeHidden();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dumpAll(app.page)).toEqual(before);
  });
});
