/**
 * Issue 11 §3: what encrypting a backup costs, and that it never holds up the window. A database
 * of FILES × FILE_MB of random stored files is backed up through the UI twice in one profile:
 * plain, then with "Encrypt backups" on (Argon2id at 64 MiB and AES-256-GCM, both in the sealing
 * worker). For each: the time from "Back up now" to the download, and the longest task on the
 * window's thread meanwhile (the Long Tasks API reports nothing under 50 ms). The plain backup is
 * the peer: the same data, the same run. The "before" figure is the same key derivation run on the
 * window's thread, as sealing a bundle did before it moved to the worker: hash-wasm's own build,
 * evaluated in the page, with the longest gap between the ticks of a 10 ms timer meanwhile.
 * Then each backup is restored through the UI into a fresh profile: the time from the last click
 * (“Replace my case files”, or “Open” with the passphrase) to “Your case files are now those of”,
 * and the longest window task meanwhile; the plain restore is the encrypted one's peer.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  fillStoredFiles,
  openBackupsPage,
  storedFileCount,
  watchLongTasks,
} from '../page-tools.mjs';

export const name = 'encrypted-backups';

const FILES = Number(process.env.CASEFILE_BENCH_BACKUP_FILES ?? 16);
const FILE_MB = 4;
const PASSPHRASE = 'orange kettle under moonlight';
const LONGEST_TARGET_MS = 100;

async function backUp(page, path) {
  const longest = await watchLongTasks(page);
  const downloading = page.waitForEvent('download', { timeout: 15 * 60_000 });
  const started = performance.now();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const download = await downloading;
  const seconds = (performance.now() - started) / 1000;
  await download.saveAs(path);
  await page.getByText('Every case file is in the download').first().waitFor();
  return { seconds, longestMs: await longest() };
}

/**
 * Argon2id at the product's strength on the window's thread (the old way): its time, and the
 * longest the window went without running a 10 ms timer meanwhile (how long it was frozen).
 */
async function argon2OnWindowThread(page, root) {
  await page.evaluate(
    readFileSync(join(root, 'node_modules/hash-wasm/dist/argon2.umd.min.js'), 'utf8'),
  );
  return page.evaluate(async () => {
    let last = performance.now();
    let frozenMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      frozenMs = Math.max(frozenMs, now - last);
      last = now;
    }, 10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await window.hashwasm.argon2id({
      password: 'orange kettle under moonlight',
      salt: crypto.getRandomValues(new Uint8Array(16)),
      parallelism: 1,
      iterations: 3,
      memorySize: 64 * 1024,
      hashLength: 32,
      outputType: 'binary',
    });
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(ticker);
    return { ms, frozenMs };
  });
}

/** Restores `path` into a fresh profile through the UI, with `passphrase` when it is sealed. */
async function restore(launchChromium, profile, path, passphrase) {
  const context = await launchChromium(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openBackupsPage(page);
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    await (await choosing).setFiles(path);
    const confirm = page
      .getByRole('dialog', { name: 'Restore from backup' })
      .getByRole('button', { name: 'Replace my case files' });
    const unlock = page.getByRole('dialog', { name: 'Passphrase needed' });
    if (passphrase) {
      await confirm.click();
      await unlock.getByLabel('Passphrase').fill(passphrase);
    }
    const longest = await watchLongTasks(page);
    const started = performance.now();
    await (passphrase ? unlock.getByRole('button', { name: 'Open' }) : confirm).click();
    await page.getByText('Your case files are now those of').waitFor({ timeout: 15 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const files = await storedFileCount(page);
    if (files !== FILES) throw new Error(`Restored ${files} files of ${FILES}.`);
    return { seconds, longestMs: await longest() };
  } finally {
    await context.close();
  }
}

export async function run({ root, workDir, launchChromium }) {
  const dir = join(workDir, 'encrypted-backups');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const context = await launchChromium(join(dir, 'profile'));
  let plain;
  let sealed;
  let before;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await openBackupsPage(page);
    await fillStoredFiles(page, FILES, FILE_MB);
    plain = await backUp(page, join(dir, 'plain.zip'));
    const form = page.getByRole('form', { name: 'Backup encryption' });
    await form.getByRole('checkbox', { name: 'Encrypt backups' }).check();
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByLabel('Passphrase again').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Save encryption setting' }).click();
    await page.getByText('Backup encryption saved').waitFor();
    sealed = await backUp(page, join(dir, 'sealed.zip'));
    before = await argon2OnWindowThread(page, root);
  } finally {
    await context.close();
  }
  const plainRestore = await restore(
    launchChromium,
    join(dir, 'plain-target'),
    join(dir, 'plain.zip'),
  );
  const sealedRestore = await restore(
    launchChromium,
    join(dir, 'sealed-target'),
    join(dir, 'sealed.zip'),
    PASSPHRASE,
  );
  rmSync(dir, { recursive: true, force: true });
  const mb = FILES * FILE_MB;
  return [
    { metric: 'database size (stored files, random bytes)', value: mb, unit: 'MB' },
    { metric: 'plain backup through the UI (peer)', value: mb / plain.seconds, unit: 'MB/s' },
    {
      metric: 'encrypted backup through the UI (Argon2id 64 MiB + AES-256-GCM in a worker)',
      value: mb / sealed.seconds,
      unit: 'MB/s',
    },
    { metric: 'longest window task, plain backup', value: plain.longestMs, unit: 'ms' },
    {
      metric: 'before: Argon2id (64 MiB, t=3) on the window thread, time',
      value: before.ms,
      unit: 'ms',
    },
    {
      metric: 'before: Argon2id (64 MiB, t=3) on the window thread, longest freeze',
      value: before.frozenMs,
      unit: 'ms',
    },
    {
      metric: 'longest window task, encrypted backup',
      value: sealed.longestMs,
      unit: 'ms',
      target: `< ${LONGEST_TARGET_MS} ms`,
      pass: sealed.longestMs < LONGEST_TARGET_MS,
    },
    {
      metric: 'plain restore through the UI (peer)',
      value: mb / plainRestore.seconds,
      unit: 'MB/s',
    },
    {
      metric: 'encrypted restore through the UI (Argon2id + open, check and write in the worker)',
      value: mb / sealedRestore.seconds,
      unit: 'MB/s',
    },
    { metric: 'encrypted restore, time', value: sealedRestore.seconds, unit: 's' },
    { metric: 'longest window task, plain restore', value: plainRestore.longestMs, unit: 'ms' },
    {
      metric: 'longest window task, encrypted restore',
      value: sealedRestore.longestMs,
      unit: 'ms',
      target: `< ${LONGEST_TARGET_MS} ms`,
      pass: sealedRestore.longestMs < LONGEST_TARGET_MS,
    },
  ];
}
