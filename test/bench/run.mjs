/**
 * `npm run bench`: the performance figures the issues ask for, measured on this machine and
 * printed as one table (and written to test/bench/results/latest.json). Each suite in
 * test/bench/suites/*.bench.mjs exports `name` and `run(context)`, which answers rows of
 * `{ metric, value, unit, target?, pass? }`. Suites drive the built renderer in Chromium (real
 * IndexedDB) or the main-process modules directly; none of them is a test that can pass by luck:
 * the figures are the point, and `pass` only compares them with the issue's target.
 *
 * Options: `--only <name>` runs the suites whose file name contains <name>; `--no-build` reuses
 * out/renderer as it is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const port = Number(process.env.CASEFILE_BENCH_PORT ?? 4280);
const baseURL = `http://127.0.0.1:${port}`;

const chromiumPath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function launchChromium(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    baseURL,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    ...options,
  });
}

async function waitForServer(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The preview server did not start at ${url}.`);
}

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(
  'npx',
  [
    'vite',
    'preview',
    '--config',
    'renderer/vite.config.ts',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ],
  { cwd: root, stdio: 'ignore', detached: true },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);

const suitesDir = join(root, 'test', 'bench', 'suites');
const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only)))
  .sort();

const results = [];
let failed = false;
try {
  await waitForServer(`${baseURL}/index.html`);
  const workDir = join(root, 'test-results', 'bench');
  mkdirSync(workDir, { recursive: true });
  for (const file of files) {
    const suite = await import(pathToFileURL(join(suitesDir, file)).href);
    console.info(`\n▶ ${suite.name ?? file}`);
    try {
      const rows = await suite.run({ root, baseURL, workDir, launchChromium });
      for (const row of rows) results.push({ suite: suite.name ?? file, ...row });
    } catch (error) {
      failed = true;
      console.error(`  the suite failed: ${error instanceof Error ? error.stack : error}`);
      results.push({
        suite: suite.name ?? file,
        metric: 'suite error',
        value: String(error),
        unit: '',
      });
    }
  }
} finally {
  stopServer();
}

const format = (value) =>
  typeof value === 'number' ? Number(value.toPrecision(4)).toString() : String(value);
console.info('\nCasefile benchmarks');
console.table(
  results.map((r) => ({
    suite: r.suite,
    metric: r.metric,
    value: `${format(r.value)} ${r.unit}`.trim(),
    target: r.target ?? '',
    meets: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  })),
);
const resultsDir = join(root, 'test', 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'latest.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.info(`Written to ${join('test', 'bench', 'results', 'latest.json')}`);
process.exit(failed ? 1 : 0);
