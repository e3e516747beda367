/**
 * Kills Chromium (SIGKILL of its whole process group, as a crash of the browser or of the machine's
 * session would) while notes are written and small real files attached as documents through the
 * UI, again and again on one profile, and checks after every restart that the database opens and
 * holds every note the screen had shown as saved, and every document with its bytes (SHA-256 of
 * the stored Blob against the file's). Plain JavaScript so both the e2e suite (crash.spec.ts) and the bench
 * (crash.bench.mjs) drive the same runs. Chromium is spawned here, not by Playwright, because a
 * persistent context does not expose the browser's process; Playwright connects to it over CDP.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(50);
  }
}

async function launch(chromium, { executablePath, args, userDataDir }) {
  const portFile = join(userDataDir, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const child = spawn(
    executablePath,
    [
      ...args,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--window-size=1400,900',
      'about:blank',
    ],
    { detached: true, stdio: 'ignore' },
  );
  const port = await waitFor(
    () => existsSync(portFile) && readFileSync(portFile, 'utf8').split('\n')[0],
    'Chromium’s debugging port',
  );
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  return { child, browser, page };
}

function kill(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * What the database holds, read straight from IndexedDB in one transaction: the notes' titles,
 * and the documents as title → SHA-256 of the bytes actually stored for each (read from the
 * `files` Blob, not the recorded hash), or 'missing' when its file is not there.
 */
function storedWrites(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const name = localStorage.getItem('casefile.databaseName') || 'casefile';
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['notes', 'documents', 'files'], 'readonly');
          const notes = tx.objectStore('notes').getAll();
          const documents = tx.objectStore('documents').getAll();
          const files = tx.objectStore('files').getAll();
          tx.onerror = () => reject(tx.error);
          tx.oncomplete = async () => {
            db.close();
            const blobs = new Map(files.result.map((file) => [file.sha256, file.blob]));
            const hex = (buffer) =>
              [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
            const stored = {};
            for (const document of documents.result) {
              const blob = blobs.get(document.sha256);
              stored[document.title] = blob
                ? hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))
                : 'missing';
            }
            resolve({ noteTitles: notes.result.map((note) => note.title), documents: stored });
          };
        };
      }),
  );
}

async function showTab(page, name) {
  const tab = page.getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** A small real text file, its bytes different in every run and write. */
function filingFile(title) {
  const buffer = Buffer.from(`${title}\nFiled while Chromium may be killed at any moment.\n`);
  return {
    file: { name: `${title}.txt`, mimeType: 'text/plain', buffer },
    sha256: createHash('sha256').update(buffer).digest('hex'),
  };
}

async function attachDocument(page, title, file) {
  await showTab(page, 'Documents');
  const chooser = page.waitForEvent('filechooser');
  // Killed before the chooser opened: this wait then fails later, and no longer matters.
  chooser.catch(() => {});
  await page.getByRole('button', { name: 'Attach filing' }).click();
  await (await chooser).setFiles(file);
  // Shown as saved: its row in the Documents table, which the table reads from the database. The
  // table draws only the rows in view and an undated filing sorts last, so find it by its title.
  await page.getByLabel('Find in documents').fill(title);
  await page
    .getByRole('table', { name: 'Documents' })
    .getByRole('button', { name: title, exact: true })
    .waitFor({ state: 'visible' });
}

async function addNote(page, title) {
  await showTab(page, 'Notes');
  await page.getByRole('button', { name: 'Add note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add note' });
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Written before a crash.');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // Shown as saved: the note's card, which the list reads back from the database.
  await page
    .getByRole('article', { name: new RegExp(`^Note: ${title},`) })
    .waitFor({ state: 'visible' });
}

/**
 * Writes notes and attaches documents by turns until the browser is killed; answers an error only
 * if one came before the kill.
 */
async function writeUntilKilled(page, run, acknowledged, state) {
  try {
    for (let n = 0; ; n += 1) {
      // By turns, starting with a note in even runs and a document in odd ones, so the first
      // write (which each run waits for before its kill) is sometimes each.
      if (n % 2 === run % 2) {
        const title = `Crash run ${run} note ${n}`;
        await addNote(page, title);
        acknowledged.notes.push(title);
      } else {
        const title = `Crash run ${run} filing ${n}`;
        const { file, sha256 } = filingFile(title);
        await attachDocument(page, title, file);
        acknowledged.documents.push({ title, sha256 });
      }
      state.onAcknowledged();
    }
  } catch (error) {
    // Killed mid-write: what was not acknowledged is allowed to be gone.
    return state.killed ? undefined : error;
  }
}

/**
 * Runs `runs` crash-and-restart cycles on one profile. Answers { runs, acknowledged, lost,
 * failedOpens, documents: { acknowledged, lost } }; `acknowledged` counts notes and documents,
 * `lost` lists what was shown as saved that a later start did not find (a document also when its
 * stored bytes are not the file's).
 */
export async function crashRuns({
  chromium,
  executablePath,
  args,
  userDataDir,
  baseURL,
  runs,
  log = () => {},
}) {
  const acknowledged = { notes: [], documents: [] };
  const lost = new Set();
  let failedOpens = 0;
  let disputeUrl;
  for (let run = 0; run <= runs; run += 1) {
    const { child, browser, page } = await launch(chromium, { executablePath, args, userDataDir });
    try {
      await page.goto(disputeUrl ?? `${baseURL}/index.html`);
      if (!disputeUrl) {
        await page.getByRole('button', { name: 'Open the sample case file' }).click();
      }
      const heading = page.getByRole('heading', { name: 'Huawei v. Xiaomi', level: 1 });
      const recovery = page.getByRole('heading', { name: 'Casefile cannot open your case files' });
      await heading.or(recovery).waitFor({ state: 'visible' });
      if (await recovery.isVisible()) {
        failedOpens += 1;
        log(`run ${run}: the database did not open`);
        break;
      }
      disputeUrl = page.url();
      const { noteTitles, documents } = await storedWrites(page);
      const stored = new Set(noteTitles);
      for (const title of acknowledged.notes) if (!stored.has(title)) lost.add(title);
      for (const { title, sha256 } of acknowledged.documents) {
        if (!Object.hasOwn(documents, title)) lost.add(title);
        else if (documents[title] !== sha256) lost.add(`${title} (bytes ${documents[title]})`);
      }
      if (run === runs) break;

      // The kill lands at a different point each time (typing, choosing a file, saving, reading
      // back), once this run has had at least one write acknowledged.
      const killAfterMs = Math.floor(Math.random() * 2_000);
      const state = { killed: false };
      const firstAcknowledged = new Promise((resolve) => {
        state.onAcknowledged = resolve;
      });
      const writing = writeUntilKilled(page, run, acknowledged, state);
      const early = await Promise.race([writing, firstAcknowledged]);
      if (early instanceof Error) throw early;
      await sleep(killAfterMs);
      state.killed = true;
      await kill(child);
      await writing;
      log(
        `run ${run}: killed after ${killAfterMs} ms, ${acknowledged.notes.length} notes and ${acknowledged.documents.length} documents acknowledged so far`,
      );
    } finally {
      await kill(child);
      await browser.close().catch(() => {});
    }
  }
  const lostDocuments = acknowledged.documents.filter(({ title }) =>
    [...lost].some((item) => item === title || item.startsWith(`${title} (`)),
  );
  return {
    runs,
    acknowledged: acknowledged.notes.length + acknowledged.documents.length,
    lost: [...lost],
    failedOpens,
    documents: { acknowledged: acknowledged.documents.length, lost: lostDocuments.length },
  };
}
