/**
 * Issue 3: attaching and reading large filings, through the app's own UI in Chromium.
 *
 * - The longest main-thread task while a 200 MB PDF is attached (target: none over 100 ms),
 *   from a PerformanceObserver installed before the app loads.
 * - Attach throughput (hash in the worker + one transaction writing the Blob), beside a raw
 *   IndexedDB `put` of the same File measured in the same browser (target: ≥ 0.8 of raw).
 * - Text extraction per page (median of the app's `casefile:text-page` marks; target < 100 ms).
 * - Time from clicking a stored 200 MB PDF to its page 1 drawn, after a restart (target < 1 s).
 */
import { randomFillSync } from 'node:crypto';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const name = 'documents';

const MEGABYTES = 200;
const PAGES = 200;
const FILE_NAME = 'bench-200mb-claim-charts.pdf';
const TITLE = 'bench-200mb-claim-charts';

async function makeLargePdf(path) {
  if (existsSync(path) && statSync(path).size > MEGABYTES * 1024 * 1024) return;
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= PAGES; i += 1) {
    const page = pdf.addPage([595, 842]);
    for (let line = 0; line < 30; line += 1) {
      page.drawText(`Page ${i}, line ${line + 1}: the accused device practises element ${line}.`, {
        x: 50,
        y: 790 - line * 24,
        size: 11,
        font,
      });
    }
  }
  // Random bytes, so nothing on the way can compress them: the size is real.
  const filler = new Uint8Array(MEGABYTES * 1024 * 1024);
  for (let offset = 0; offset < filler.length; offset += 65536) {
    randomFillSync(filler, offset, Math.min(65536, filler.length - offset));
  }
  pdf.catalog.set(
    pdf.context.obj('CasefileBenchFiller'),
    pdf.context.register(pdf.context.stream(filler)),
  );
  writeFileSync(path, await pdf.save({ useObjectStreams: false }));
}

const installLongTaskObserver = () => {
  window.casefileLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.casefileLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
};

/** Puts the file chosen in a throwaway input straight into a scratch database, timed. */
async function rawPut(page, path) {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-raw-input';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-raw-input', path);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-raw-input');
    const file = input.files[0];
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('bench-raw', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('files');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').put({ size: file.size, blob: file }, 'raw');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    await new Promise((resolve) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').clear();
      tx.oncomplete = resolve;
    });
    db.close();
    input.remove();
    return { ms, bytes: file.size };
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function run({ workDir, launchChromium }) {
  const pdfPath = join(workDir, FILE_NAME);
  await makeLargePdf(pdfPath);
  const profile = join(workDir, 'documents-profile');
  rmSync(profile, { recursive: true, force: true });

  let context = await launchChromium(profile);
  await context.addInitScript(installLongTaskObserver);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('button', { name: 'New dispute' }).click();
  const dialog = page.getByRole('dialog', { name: 'New dispute' });
  await dialog.getByLabel('Title').fill('Bench v. Filings');
  await dialog.getByRole('button', { name: 'Create dispute' }).click();
  await page.getByRole('heading', { name: 'Bench v. Filings', level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Documents' }).click();

  const raw = await rawPut(page, pdfPath);

  const attachStart = await page.evaluate(() => performance.now());
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach filing' }).click();
  await (await chooser).setFiles(pdfPath);
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: TITLE, exact: true }) });
  await row.waitFor({ timeout: 120_000 });
  const [attach, hashing, storing] = await page.evaluate(() =>
    ['casefile:attach', 'casefile:attach-hash', 'casefile:attach-store'].map((entryName) => {
      const [measure] = performance.getEntriesByName(entryName);
      return { start: measure.startTime, ms: measure.duration, bytes: measure.detail.bytes };
    }),
  );
  const attachEnd = attach.start + attach.ms;
  const longest = await page.evaluate(
    ([from, to]) =>
      Math.max(
        0,
        ...window.casefileLongTasks
          .filter((t) => t.start + t.duration >= from && t.start <= to)
          .map((t) => t.duration),
      ),
    [attachStart, attachEnd],
  );

  // Extraction carries on in its worker; wait for it to finish, then read its page timings.
  await page.getByRole('row').filter({ hasText: 'Text extracted' }).waitFor({ timeout: 600_000 });
  const pageMs = await page.evaluate(() =>
    performance.getEntriesByName('casefile:text-page').map((mark) => mark.detail.ms),
  );
  const longestDuringExtraction = await page.evaluate(
    (from) =>
      Math.max(
        0,
        ...window.casefileLongTasks.filter((t) => t.start >= from).map((t) => t.duration),
      ),
    attachEnd,
  );
  await context.close();

  // Page 1 of the stored PDF, in a freshly started app (nothing cached in the page).
  context = await launchChromium(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/index.html');
  await page.getByRole('link', { name: 'Bench v. Filings' }).click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  const button = page.getByRole('button', { name: TITLE, exact: true });
  await button.waitFor();
  const handle = await button.elementHandle();
  const firstPageMs = await page.evaluate(
    (target) =>
      new Promise((resolve) => {
        const started = performance.now();
        const done = () =>
          document.querySelector('[data-rendered="true"][aria-label^="Page 1 of"]') !== null;
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        target.click();
      }),
    handle,
  );
  await context.close();
  rmSync(profile, { recursive: true, force: true });

  const mb = attach.bytes / (1024 * 1024);
  const attachRate = mb / (attach.ms / 1000);
  const rawRate = raw.bytes / (1024 * 1024) / (raw.ms / 1000);
  const extractionMedian = median(pageMs);
  return [
    {
      metric: `attach ${Math.round(mb)} MB PDF: longest main-thread task`,
      value: longest,
      unit: 'ms',
      target: '< 100 ms',
      pass: longest < 100,
    },
    { metric: 'attach throughput (hash + store)', value: attachRate, unit: 'MB/s' },
    { metric: 'raw IndexedDB Blob put, same file', value: rawRate, unit: 'MB/s' },
    // Where attaching spends its time: SHA-256 in the worker, then the one transaction that
    // writes the metadata and the Blob (the part a raw put also does).
    {
      metric: '  of which hashing (hash-wasm SHA-256, worker)',
      value: mb / (hashing.ms / 1000),
      unit: 'MB/s',
    },
    {
      metric: '  of which storing (metadata + Blob, one transaction)',
      value: mb / (storing.ms / 1000),
      unit: 'MB/s',
    },
    {
      metric: 'storing / raw put',
      value: raw.ms / storing.ms,
      unit: '',
    },
    {
      metric: 'attach / raw put',
      value: attachRate / rawRate,
      unit: '',
      target: '≥ 0.8',
      pass: attachRate / rawRate >= 0.8,
    },
    {
      metric: `text extraction, median per page (${pageMs.length} pages)`,
      value: extractionMedian,
      unit: 'ms',
      target: '< 100 ms',
      pass: extractionMedian < 100,
    },
    {
      metric: 'text extraction, pages per second',
      value: 1000 / (pageMs.reduce((a, b) => a + b, 0) / pageMs.length),
      unit: 'pages/s',
    },
    {
      metric: 'longest main-thread task during extraction',
      value: longestDuringExtraction,
      unit: 'ms',
      target: '< 100 ms',
      pass: longestDuringExtraction < 100,
    },
    {
      metric: `preview of the stored ${Math.round(mb)} MB PDF: page 1 shown`,
      value: firstPageMs,
      unit: 'ms',
      target: '< 1000 ms',
      pass: firstPageMs < 1000,
    },
  ];
}
