/**
 * What several bench suites do in the page the same way: fill the database's stored files, and
 * watch the window's thread for long tasks.
 */

/** Fills the app's database with stored files straight through IndexedDB, hashing each. */
export async function fillStoredFiles(page, files, fileMb) {
  await page.evaluate(
    async ({ files: count, fileMb: megabytes }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('casefile');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const hex = (buffer) =>
        [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
      for (let i = 0; i < count; i += 1) {
        const bytes = new Uint8Array(megabytes * 1024 * 1024);
        for (let at = 0; at < bytes.length; at += 65536) {
          crypto.getRandomValues(bytes.subarray(at, at + 65536));
        }
        const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
        await new Promise((resolve, reject) => {
          const tx = db.transaction('files', 'readwrite');
          tx.objectStore('files').put({
            sha256,
            size: bytes.length,
            mimeType: 'application/pdf',
            storedAt: new Date().toISOString(),
            blob: new Blob([bytes], { type: 'application/pdf' }),
          });
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { files, fileMb },
  );
}

/** A fresh app's Backups page: "Start empty" on the welcome screen, then the Backups section. */
export async function openBackupsPage(page) {
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Backups' })
    .click();
  await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
}

/** How many stored files the page's `casefile` database holds. */
export const storedFileCount = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('casefile');
        request.onsuccess = () => {
          const count = request.result.transaction('files').objectStore('files').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );

/**
 * Records the longest task on the window's thread from now on (and each one, by its start on the
 * page's clock, for longestTaskBetween).
 */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.casefileBenchLongest = 0;
    window.casefileBenchTasks = [];
    window.casefileBenchObserver?.disconnect();
    window.casefileBenchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.casefileBenchLongest = Math.max(window.casefileBenchLongest, entry.duration);
        window.casefileBenchTasks.push([entry.startTime, entry.duration]);
      }
    });
    window.casefileBenchObserver.observe({ type: 'longtask' });
  });
  // Nothing above 50 ms is reported: no long task at all means the longest was under 50 ms.
  return () => page.evaluate(() => window.casefileBenchLongest);
}

/** The page's clock (performance.now()), to mark a moment for longestTaskBetween. */
export const pageNow = (page) => page.evaluate(() => performance.now());

/** The longest task watchLongTasks saw begin from `from` to `to` (the page's clock), else 0. */
export const longestTaskBetween = (page, from, to) =>
  page.evaluate(
    ([start, end]) =>
      Math.max(
        0,
        ...window.casefileBenchTasks.filter(([at]) => at >= start && at < end).map(([, d]) => d),
      ),
    [from, to],
  );

/** The trace buffer, 2 GB: Chromium's default (200 MB) filled before a 50,000-file import ended. */
const TRACE_BUFFER_KB = 2 * 1024 * 1024;

/**
 * Traces the window's thread from now on (Chromium's `toplevel` tasks). A long task's wall time
 * includes the time the thread waited for a core, which on a loaded machine is most of it; each
 * task's thread time (`tdur`) is the work the window itself did, the same on any load. Answers
 * the longest task by thread time, with its wall time, the thread time of all its tasks, and the
 * longest task by wall time (the trace's peer of the 'longtask' figure).
 */
export async function traceWindowThread(page) {
  const cdp = await page.context().newCDPSession(page);
  const names = new Map();
  const tasks = new Map();
  // CASEFILE_BENCH_TRACE_DETAIL=1: what the window's longest task (by CPU) was made of, printed.
  const detail = Boolean(process.env.CASEFILE_BENCH_TRACE_DETAIL);
  const inner = new Map();
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value) {
      const thread = `${event.pid}:${event.tid}`;
      if (event.ph === 'M' && event.name === 'thread_name') names.set(thread, event.args.name);
      if (event.ph !== 'X') continue;
      if (!/RunTask/.test(event.name)) {
        if (detail) {
          let list = inner.get(thread);
          if (!list) inner.set(thread, (list = []));
          if (list.length < 5_000_000) list.push(compactEvent(event));
        }
        continue;
      }
      const seen = tasks.get(thread) ?? { cpu: 0, longestCpu: 0, wallOfLongest: 0, longestWall: 0 };
      const cpu = event.tdur ?? 0;
      seen.cpu += cpu;
      seen.longestWall = Math.max(seen.longestWall, event.dur ?? 0);
      if (cpu > seen.longestCpu) {
        Object.assign(seen, { longestCpu: cpu, wallOfLongest: event.dur, longestTask: event });
      }
      tasks.set(thread, seen);
    }
  });
  // As much as Chromium can hold, and `incomplete` when even that filled: a trace that stops
  // early silently misses the tasks after it (a backup's longest comes at its end).
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      traceBufferSizeInKb: TRACE_BUFFER_KB,
      includedCategories: detail
        ? ['toplevel', '__metadata', 'devtools.timeline', 'v8', 'blink', 'IndexedDB']
        : ['toplevel', '__metadata'],
    },
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { dataLossOccurred } = await complete;
    await cdp.detach();
    // The page's renderer main thread: the busiest one so named (a spare renderer idles).
    const [mainThread, busiest] = [...tasks]
      .filter(([thread]) => names.get(thread) === 'CrRendererMain')
      .sort((a, b) => b[1].cpu - a[1].cpu)[0] ?? [undefined, undefined];
    const main = busiest ?? {
      cpu: 0,
      longestCpu: 0,
      wallOfLongest: 0,
      longestWall: 0,
    };
    if (detail && main.longestTask) printTaskDetail(main.longestTask, inner.get(mainThread) ?? []);
    return {
      longestCpuMs: main.longestCpu / 1000,
      longestCpuWallMs: main.wallOfLongest / 1000,
      totalCpuMs: main.cpu / 1000,
      longestWallMs: main.longestWall / 1000,
      /** Chromium's buffer filled: the figures miss whatever came after. */
      incomplete: Boolean(dataLossOccurred),
    };
  };
}

/** An event as printTaskDetail needs it: start, wall, CPU, and its name with its script place. */
function compactEvent(event) {
  const data = event.args?.data ?? {};
  const where = data.url
    ? ` ${data.functionName || '(anonymous)'} ${String(data.url).split('/').pop()}:${data.lineNumber}:${data.columnNumber}`
    : data.type
      ? ` ${data.type}`
      : '';
  return [event.ts, event.dur ?? 0, event.tdur ?? 0, `${event.name}${where}`];
}

/**
 * The events inside `task` (nested ones counted in their parents too), summed by name and script
 * place, the heaviest first, on stderr.
 */
function printTaskDetail(task, events) {
  const end = task.ts + task.dur;
  const sums = new Map();
  for (const [ts, dur, tdur, key] of events) {
    if (ts < task.ts || ts + dur > end) continue;
    const sum = sums.get(key) ?? { wall: 0, cpu: 0, count: 0 };
    sum.wall += dur;
    sum.cpu += tdur;
    sum.count += 1;
    sums.set(key, sum);
  }
  const lines = [...sums]
    .sort((a, b) => b[1].wall - a[1].wall)
    .slice(0, 25)
    .map(
      ([key, sum]) =>
        `    ${(sum.wall / 1000).toFixed(1)} ms wall, ${(sum.cpu / 1000).toFixed(1)} ms CPU, ×${sum.count}: ${key}`,
    );
  console.error(
    `  the longest window task: ${(task.dur / 1000).toFixed(1)} ms wall, ${(task.tdur / 1000).toFixed(1)} ms CPU (${task.args?.src_func ?? ''} ${task.args?.src_file ?? ''}); inside it:\n${lines.join('\n')}`,
  );
}
