/**
 * Issue 15: OCR of scanned filings, through the app in Chromium with the network blocked.
 *
 * Makes one A4 page at 300 dpi (2480 × 3508 px) of known English text and one of known Chinese
 * text, drawn by Chromium with the system's Noto fonts and wrapped into a PDF without a text
 * layer. Each is attached to a dispute, its OCR cancelled at once, its language set (English /
 * Chinese), and OCR resumed, as a person would; the app's own `casefile:ocr-page` marks give the
 * seconds per page, and the stored OCR text is compared with the known text for the character
 * accuracy (1 − edit distance / length, whitespace ignored; target ≥ 98 % on these clean pages).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

export const name = 'ocr';

const ENGLISH = [
  'The defendant markets smartphones that practise claim 1 of the asserted patent.',
  'Each accused device includes a camera module with two image sensors and a processor',
  'configured to merge the images into one photograph with an extended dynamic range.',
  'The plaintiff requests an injunction and damages for the period of infringement.',
  'The parties met on several occasions to discuss a licence covering the portfolio.',
  'No agreement was reached before the complaint was filed with the court.',
  'The screen lock patent concerns a method of unlocking a terminal by a gesture.',
  'Wireless communication patents relate to the allocation of uplink resources.',
];
const CHINESE = [
  '原告诉称被告生产销售的智能手机侵犯其专利权。',
  '涉案专利涉及无线通信技术和智能手机拍照技术。',
  '原告请求法院判令被告停止侵权并赔偿经济损失。',
  '双方经友好协商签署了全球专利交叉许可协议。',
  '该协议涵盖第五代移动通信标准在内的专利技术。',
  '双方同时达成战略合作协议并撤回全部诉讼。',
];

async function pageImage(page, lines, fontFamily) {
  const html = lines.map((line) => `<p>${line}</p>`).join('');
  await page.setViewportSize({ width: 2480, height: 3508 });
  await page.setContent(
    `<!doctype html><body style="margin:0;background:#fff"><div id="sheet" style="width:2480px;height:3508px;` +
      `box-sizing:border-box;padding:300px;font:50px/1.7 ${fontFamily};color:#000">${html}</div></body>`,
  );
  await page.evaluate(() => document.fonts.ready);
  return page.locator('#sheet').screenshot({ type: 'png' });
}

/** Two copies of the page: the first page's time includes starting the engine, the second not. */
async function scannedPdf(png) {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  for (let copy = 0; copy < 2; copy += 1) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return Buffer.from(await pdf.save());
}

function editDistance(a, b) {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}

function accuracy(expected, got) {
  const squash = (text) => text.replace(/\s+/g, '');
  const want = squash(expected);
  return 1 - editDistance(want, squash(got)) / want.length;
}

async function ocrOne(page, { title, fileName, pdf, language }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach filing' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: `Cancel OCR of ${title}` }).click({ timeout: 120_000 });
  await page.getByRole('button', { name: `Resume OCR of ${title}` }).waitFor();
  await page.getByRole('button', { name: `Edit document ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit document' });
  await dialog.getByLabel('Language').fill(language);
  await dialog.getByRole('button', { name: 'Save document' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: `Resume OCR of ${title}` }).click();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: title, exact: true }) });
  await row.filter({ hasText: 'Text extracted' }).waitFor({ timeout: 900_000 });
  return page.evaluate(async (wanted) => {
    const marks = performance.getEntriesByName('casefile:ocr-page').slice(-2);
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = (store, key) =>
      new Promise((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const all = await new Promise((resolve) => {
      const request = db.transaction('documents').objectStore('documents').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const document = all.find((d) => d.title === wanted);
    const text = await read('documentTexts', document.sha256);
    db.close();
    return {
      first: marks[0].detail.ms / 1000,
      seconds: marks[1].detail.ms / 1000,
      languages: marks.at(-1).detail.languages,
      text: text.pages[1],
      confidence: text.confidence,
    };
  }, title);
}

export async function run({ baseURL, workDir, launchChromium }) {
  const profile = join(workDir, 'ocr-profile');
  rmSync(profile, { recursive: true, force: true });
  const context = await launchChromium(profile);
  const blocked = [];
  const origin = new URL(baseURL).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || /^(blob|data|about):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const drawing = await context.newPage();
  const english = await scannedPdf(
    await pageImage(drawing, ENGLISH, "'Noto Serif', 'DejaVu Serif', serif"),
  );
  const chinese = await scannedPdf(
    await pageImage(drawing, CHINESE, "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif"),
  );
  writeFileSync(join(workDir, 'ocr-english.pdf'), english);
  writeFileSync(join(workDir, 'ocr-chinese.pdf'), chinese);
  await drawing.close();

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('button', { name: 'New dispute' }).click();
  await page
    .getByRole('dialog', { name: 'New dispute' })
    .getByLabel('Title')
    .fill('Bench v. Scans');
  await page.getByRole('button', { name: 'Create dispute' }).click();
  await page.getByRole('tab', { name: 'Documents' }).click();

  const en = await ocrOne(page, {
    title: 'bench-english',
    fileName: 'bench-english.pdf',
    pdf: english,
    language: 'English',
  });
  const zh = await ocrOne(page, {
    title: 'bench-chinese',
    fileName: 'bench-chinese.pdf',
    pdf: chinese,
    language: 'Chinese',
  });
  await context.close();
  rmSync(profile, { recursive: true, force: true });

  const enAccuracy = accuracy(ENGLISH.join('\n'), en.text) * 100;
  const zhAccuracy = accuracy(CHINESE.join('\n'), zh.text) * 100;
  return [
    {
      metric: `OCR seconds per A4 page at 300 dpi, English (${en.languages}), engine running`,
      value: en.seconds,
      unit: 's',
    },
    {
      metric: `OCR seconds per A4 page at 300 dpi, Chinese (${zh.languages}), engine running`,
      value: zh.seconds,
      unit: 's',
    },
    {
      metric: 'OCR seconds for the first page, engine start included (English / Chinese)',
      value: `${en.first.toFixed(1)} / ${zh.first.toFixed(1)}`,
      unit: 's',
    },
    {
      metric: 'OCR character accuracy, clean English page',
      value: enAccuracy,
      unit: '%',
      target: '≥ 98',
      pass: enAccuracy >= 98,
    },
    {
      metric: 'OCR character accuracy, clean Chinese page',
      value: zhAccuracy,
      unit: '%',
      target: '≥ 98',
      pass: zhAccuracy >= 98,
    },
    {
      metric: 'OCR mean confidence (English / Chinese)',
      value: `${Math.round(en.confidence[1])} / ${Math.round(zh.confidence[1])}`,
      unit: '',
    },
    {
      metric: 'requests to the network during OCR',
      value: blocked.length,
      unit: '',
      target: '0',
      pass: blocked.length === 0,
    },
  ];
}
