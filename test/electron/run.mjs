/**
 * Runs the desktop journeys (Playwright's _electron) on machines that have an Electron binary, and
 * says so plainly, in one line, on machines that do not: a journey that was not run is never
 * reported as passed. The binary is looked for without `require('electron')`, because requiring
 * the package downloads the binary when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');

/** The Electron executable, or why there is none (relative to the project). */
function findElectron() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'node_modules/electron/dist missing' };
  const executable = readFileSync(pathFile, 'utf8').trim();
  const binary = join(electronPackage, 'dist', executable);
  if (executable === '' || !existsSync(binary)) {
    return { missing: `node_modules/electron/dist/${executable} missing` };
  }
  return { binary };
}

const electron = findElectron();
if (electron.binary === undefined) {
  console.info(
    `test/electron: SKIPPED — no Electron binary on this machine (${electron.missing}); ` +
      'the desktop journeys were not run.',
  );
  process.exit(0);
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('test/electron: the app is not built; run `npm run build` first.');
  process.exit(1);
}

const result = spawnSync(
  'npx',
  ['playwright', 'test', '-c', 'test/electron/playwright.config.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CASEFILE_ELECTRON_PATH: electron.binary },
    shell: process.platform === 'win32',
  },
);
process.exit(result.status ?? 1);
