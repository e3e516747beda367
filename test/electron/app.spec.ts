import { execFileSync } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { readArchiveManifest } from '../../shared/archive/read-archive';
import { ipcChannels, ipcContract } from '../../shared/ipc';

const root = fileURLToPath(new URL('../..', import.meta.url));
const executablePath = process.env.CASEFILE_ELECTRON_PATH;

/** Where the journeys leave their screenshots; CI keeps test-results/ as an artifact. */
const screenshots = join(root, 'test-results', 'electron', 'screenshots');

/** Starts the built app on `dataDir`, as a counsel would with `--data-dir`. */
async function launch(dataDir: string, extraArgs: string[] = []) {
  if (!executablePath) {
    throw new Error('Run the desktop journeys with `npm run test:electron`, which finds Electron.');
  }
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      // The built app, not a dev server, whatever the shell says.
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL',
    ),
  );
  // Chromium refuses to start as root with its OS sandbox (containers, CI); the renderer's own
  // sandbox (webPreferences) is unaffected and is what the test below checks.
  const osSandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath,
    args: [...osSandbox, 'out/main/index.js', '--data-dir', dataDir, ...extraArgs],
    cwd: root,
    env,
  });
  const page = await app.firstWindow();
  return { app, page };
}

function disputesTable(page: Page) {
  return page.getByRole('table', { name: 'Disputes' });
}

test.describe('Casefile on the desktop', () => {
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casefile-electron-'));
  });

  test.afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('opens the sample case file, and finds it again after a restart', async () => {
    const first = await launch(dataDir);
    const page = first.page;
    await expect(page).toHaveTitle(/Casefile/);
    await expect(page).toHaveURL(/^casefile:\/\/app\//);

    const exposed = await page.evaluate(() => Object.keys(window.casefile ?? {}).sort());
    const contract = ipcChannels.map((channel) => ipcContract[channel].method);
    expect(exposed).toEqual([...contract, 'onMenuCommand'].sort());

    const info = await page.evaluate(() => window.casefile?.getAppInfo({}));
    expect(info).toMatchObject({ ok: true, value: { desktop: true, dataDir } });

    // Sandboxed with context isolation: the page sees neither Node nor Electron.
    const nodeGlobals = await page.evaluate(() => {
      const globals = globalThis as Record<string, unknown>;
      return [typeof globals['require'], typeof globals['process'], typeof globals['module']];
    });
    expect(nodeGlobals).toEqual(['undefined', 'undefined', 'undefined']);

    await page.getByRole('button', { name: 'Open the sample case file' }).click();
    await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'dispute-page.png') });
    await first.app.close();

    // The database lives in the data folder that was asked for.
    expect(await readdir(dataDir)).toContain('IndexedDB');

    const second = await launch(dataDir);
    await second.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await expect(
      disputesTable(second.page).getByRole('link', { name: 'Huawei v. Xiaomi' }),
    ).toBeVisible();
    await second.app.close();
  });

  test('saves the sample summary as a PDF through the hidden print window', async () => {
    const { app, page } = await launch(dataDir);
    const target = join(dataDir, 'Huawei v. Xiaomi summary.pdf');
    // The native save dialog cannot be driven by a test; answer it from the main process instead.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as never;
    }, target);

    await page.getByRole('button', { name: 'Open the sample case file' }).click();
    await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Print summary…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print summary' });
    await dialog.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(page.getByText('PDF saved')).toBeVisible();

    expect((await stat(target)).size).toBeGreaterThan(0);
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
    expect(text).toContain('Huawei v. Xiaomi');
    expect(text).toContain('Page 1 of');
    await app.close();
  });

  test('streams a case bundle to the file the person chose, leaving nothing else beside it', async () => {
    const { app, page } = await launch(dataDir);
    const folder = join(dataDir, 'exports');
    await mkdir(folder);
    const target = join(folder, 'Huawei-v.-Xiaomi.casefile');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as never;
    }, target);

    await page.getByRole('button', { name: 'Open the sample case file' }).click();
    await expect(page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Export case bundle…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export case bundle' });
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByText('Case bundle exported')).toBeVisible();

    // The temporary file it was written to has been renamed into place, not left behind.
    expect(await readdir(folder)).toEqual(['Huawei-v.-Xiaomi.casefile']);
    const manifest = await readArchiveManifest(await openAsBlob(target));
    expect(manifest).toMatchObject({ kind: 'bundle', title: 'Huawei v. Xiaomi' });
    expect(manifest.counts['documents']).toBeGreaterThan(0);
    await app.close();

    // Opened with Casefile (as a double-click does), the bundle goes straight to the import dialog.
    const elsewhere = await mkdtemp(join(tmpdir(), 'casefile-electron-other-'));
    try {
      const other = await launch(elsewhere, [target]);
      const importing = other.page.getByRole('dialog', { name: 'Import case bundle' });
      await expect(importing.getByText('Huawei v. Xiaomi')).toBeVisible();
      await other.page.screenshot({ path: join(screenshots, 'import-opened-bundle.png') });
      await importing.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(
        other.page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 }),
      ).toBeVisible();
      await other.app.close();
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  test('opens where it was left, and never smaller than fits a 1366×768 screen at 125 %', async () => {
    const first = await launch(dataDir);
    await first.page.getByRole('button', { name: 'Open the sample case file' }).waitFor();
    const minimum = await first.app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0]!;
      window.setBounds({ x: 40, y: 30, width: 1100, height: 650 });
      return window.getMinimumSize();
    });
    expect(minimum[0]).toBeLessThanOrEqual(1092);
    expect(minimum[1]).toBeLessThanOrEqual(614);
    await first.app.close();

    const second = await launch(dataDir);
    await second.page.getByRole('button', { name: 'Open the sample case file' }).waitFor();
    const bounds = await second.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.getBounds(),
    );
    expect(bounds).toMatchObject({ width: 1100, height: 650 });
    await second.page.screenshot({ path: join(screenshots, 'welcome.png') });
    await second.app.close();
  });
});
