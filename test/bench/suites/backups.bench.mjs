/**
 * Issue 6: backup and restore throughput and the memory a backup takes.
 *
 * A database of FILES × FILE_MB of random (incompressible) stored files is filled in Chromium's real
 * IndexedDB, then:
 * - Backup: "Back up now" through the UI (the browser host streams the same archive the desktop
 *   app writes, and downloads it), timed from the click to the download on disk; the renderer's
 *   peak JS heap while it runs is sampled through CDP (Performance.getMetrics).
 * - Main-process writer: the same archive bytes streamed through electron/main/backups in the
 *   renderer's 4 MB batches (temp file, fsync, rename, rotation), with this process's peak RSS
 *   above its baseline sampled every 20 ms.
 * - Raw write: the same bytes written and fsynced to the same disk in the same run.
 * - Restore: "Restore from a file…" in a fresh profile, timed from the confirmation to "Restored"
 *   (the whole archive is verified, then written in one transaction).
 * Memory does not grow with the database: records go in pages of 500 rows and files in 4 MB slices,
 * so the figures for a few hundred MB stand for 2 GB (the bench states the heap and RSS measured).
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { fillStoredFiles, openBackupsPage, storedFileCount } from '../page-tools.mjs';

export const name = 'backups';

const FILES = Number(process.env.CASEFILE_BENCH_BACKUP_FILES ?? 64);
const FILE_MB = 4;
const BATCH = 4 * 1024 * 1024;
const MEMORY_TARGET_MB = 400;

async function loadBackupStore(root, workDir) {
  const file = join(workDir, 'backup-store.bundle.mjs');
  await build({
    input: join(root, 'electron', 'main', 'backups', 'backup-store.ts'),
    output: { file, format: 'esm' },
    platform: 'node',
    external: [/^node:/, 'electron'],
    logLevel: 'silent',
  });
  return import(pathToFileURL(file).href);
}

/** Samples the renderer's JS heap until `stop()`; answers the peak in MB. */
async function heapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    state.running = false;
    await loop;
    await cdp.detach();
    return peak / 1024 / 1024;
  };
}

function rawWrite(source, target) {
  const buffer = Buffer.alloc(BATCH);
  const input = openSync(source, 'r');
  const output = openSync(target, 'w');
  const started = performance.now();
  let bytes = 0;
  for (;;) {
    const read = readSync(input, buffer, 0, BATCH, null);
    if (read === 0) break;
    writeSync(output, buffer, 0, read);
    bytes += read;
  }
  fsyncSync(output);
  closeSync(output);
  closeSync(input);
  return { bytes, seconds: (performance.now() - started) / 1000 };
}

async function mainWriter(store, source) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const input = openSync(source, 'r');
  const started = performance.now();
  const { token } = await store.handlers['backups:begin']({ reason: 'manual' });
  for (;;) {
    const chunk = new Uint8Array(BATCH);
    const read = readSync(input, chunk, 0, BATCH, null);
    if (read === 0) break;
    await store.handlers['backups:append']({ token, bytes: chunk.subarray(0, read) });
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const written = await store.handlers['backups:commit']({
    token,
    retention: { keepDaily: 14, keepWeekly: 8 },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  closeSync(input);
  return { seconds, bytes: written.size, rssAboveBaselineMb: (peak - baseline) / 1024 / 1024 };
}

export async function run({ root, workDir, launchChromium }) {
  const dir = join(workDir, 'backups');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archivePath = join(dir, 'bench-backup.zip');
  const databaseMb = FILES * FILE_MB;

  // Backup through the UI.
  const source = await launchChromium(join(dir, 'profile-source'));
  let backupSeconds;
  let archiveReadySeconds;
  let backupHeapMb;
  try {
    const page = source.pages()[0] ?? (await source.newPage());
    await openBackupsPage(page);
    await fillStoredFiles(page, FILES, FILE_MB);
    const stopHeap = await heapSampler(page);
    const downloading = page.waitForEvent('download', { timeout: 15 * 60_000 });
    const started = performance.now();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const download = await downloading;
    // The archive is complete when the browser starts its download; saving it is the browser's.
    archiveReadySeconds = (performance.now() - started) / 1000;
    await download.saveAs(archivePath);
    backupSeconds = (performance.now() - started) / 1000;
    backupHeapMb = await stopHeap();
  } finally {
    await source.close();
  }
  const archiveBytes = statSync(archivePath).size;
  const archiveMb = archiveBytes / 1024 / 1024;

  // The main-process writer and a raw write of the same bytes, same disk, same run.
  const { createBackupStore } = await loadBackupStore(root, workDir);
  const writer = await mainWriter(createBackupStore({ dataDir: join(dir, 'data') }), archivePath);
  const raw = rawWrite(archivePath, join(dir, 'raw-copy.bin'));
  // Twice, so the page cache treats both the same; the second figures are reported.
  const writer2 = await mainWriter(createBackupStore({ dataDir: join(dir, 'data2') }), archivePath);
  const raw2 = rawWrite(archivePath, join(dir, 'raw-copy2.bin'));

  // Restore into a fresh profile through the UI.
  const target = await launchChromium(join(dir, 'profile-target'));
  let restoreSeconds;
  let restoreHeapMb;
  let restoredFiles;
  try {
    const page = target.pages()[0] ?? (await target.newPage());
    await openBackupsPage(page);
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    await (await choosing).setFiles(archivePath);
    const stopHeap = await heapSampler(page);
    const started = performance.now();
    await page
      .getByRole('dialog', { name: 'Restore from backup' })
      .getByRole('button', { name: 'Replace my case files' })
      .click();
    await page.getByText('Your case files are now those of').waitFor({ timeout: 15 * 60_000 });
    restoreSeconds = (performance.now() - started) / 1000;
    restoreHeapMb = await stopHeap();
    restoredFiles = await storedFileCount(page);
  } finally {
    await target.close();
  }
  if (restoredFiles !== FILES) throw new Error(`Restored ${restoredFiles} files of ${FILES}.`);
  rmSync(dir, { recursive: true, force: true });

  const rawMbps = archiveMb / raw2.seconds;
  return [
    { metric: 'database size (stored files, random bytes)', value: databaseMb, unit: 'MB' },
    { metric: 'archive size', value: archiveMb, unit: 'MB' },
    {
      metric: 'backup through the UI (read, zip, hash, download)',
      value: archiveMb / backupSeconds,
      unit: 'MB/s',
    },
    {
      metric: 'backup until the archive is complete (before the browser saves it)',
      value: archiveMb / archiveReadySeconds,
      unit: 'MB/s',
    },
    {
      metric: 'restore through the UI (verify all, one transaction)',
      value: archiveMb / restoreSeconds,
      unit: 'MB/s',
    },
    {
      metric: 'main-process writer (temp file, fsync, rename)',
      value: archiveMb / writer2.seconds,
      unit: 'MB/s',
    },
    { metric: 'raw write of the same bytes + fsync, same disk', value: rawMbps, unit: 'MB/s' },
    {
      metric: 'main-process writer, first pass (cold)',
      value: archiveMb / writer.seconds,
      unit: 'MB/s',
    },
    { metric: 'raw write, first pass (cold)', value: archiveMb / raw.seconds, unit: 'MB/s' },
    {
      metric: 'backup peak renderer JS heap',
      value: backupHeapMb,
      unit: 'MB',
      target: `< ${MEMORY_TARGET_MB} MB`,
      pass: backupHeapMb < MEMORY_TARGET_MB,
    },
    {
      metric: 'backup peak main-process RSS above baseline',
      value: Math.max(writer.rssAboveBaselineMb, writer2.rssAboveBaselineMb),
      unit: 'MB',
      target: `< ${MEMORY_TARGET_MB} MB`,
      pass: Math.max(writer.rssAboveBaselineMb, writer2.rssAboveBaselineMb) < MEMORY_TARGET_MB,
    },
    { metric: 'restore peak renderer JS heap', value: restoreHeapMb, unit: 'MB' },
  ];
}
