/**
 * Issue 11 §4: Chromium killed (SIGKILL of its whole process group) while notes are written and
 * small real files attached as documents through the UI, CASEFILE_CRASH_RUNS times (50 unless
 * set) on one profile. Prints how many runs, how many writes the screen showed as saved (and how
 * many of them documents), and how many of those a later start did not find, or found with other
 * bytes (target 0), plus starts where the database did not open (target 0). The runs themselves are
 * test/e2e/models/crash-runs.mjs, shared with test/e2e/crash.spec.ts.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { crashRuns } from '../../e2e/models/crash-runs.mjs';

export const name = 'crash';

const RUNS = Number(process.env.CASEFILE_CRASH_RUNS ?? 50);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function run({ baseURL, workDir }) {
  const userDataDir = join(workDir, 'crash-profile');
  rmSync(userDataDir, { recursive: true, force: true });
  const started = Date.now();
  const result = await crashRuns({
    chromium,
    executablePath: existsSync('/usr/bin/chromium')
      ? '/usr/bin/chromium'
      : chromium.executablePath(),
    args: ARGS,
    userDataDir,
    baseURL,
    runs: RUNS,
    log: (line) => console.info(`  ${line}`),
  });
  if (result.lost.length > 0) console.info(`  lost: ${result.lost.join(', ')}`);
  return [
    { metric: 'crash runs (SIGKILL mid-write)', value: result.runs, unit: 'runs' },
    {
      metric: 'writes acknowledged on screen (notes and documents)',
      value: result.acknowledged,
      unit: 'writes',
    },
    {
      metric: '  of which documents attached (small real files)',
      value: result.documents.acknowledged,
      unit: 'documents',
    },
    {
      metric: 'acknowledged writes lost (a document also when its stored bytes differ)',
      value: result.lost.length,
      unit: 'writes',
      target: '0',
      pass: result.lost.length === 0,
    },
    {
      metric: 'starts where the database did not open',
      value: result.failedOpens,
      unit: 'starts',
      target: '0',
      pass: result.failedOpens === 0,
    },
    { metric: 'crash suite wall time', value: (Date.now() - started) / 1000, unit: 's' },
  ];
}
