/**
 * Runs the desktop journeys (Playwright's _electron) through the real Electron app. The binary is
 * fetched the way `npm start` fetches it (Electron's own installer, electron/scripts/); where it
 * cannot be had, this says SKIPPED in one line and counts nothing as passed. CI passes
 * `--require-binary`, where a missing binary is a failure, not a skip. On Linux without a display
 * the journeys run under `xvfb-run`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromeSandboxProblem,
  ensureElectron,
  sandboxFacts,
} from '../../electron/scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const requireBinary = process.argv.includes('--require-binary');

// Fail fast where the download host is unreachable: this runs in CI and in `npm test`.
const electron = await ensureElectron({ timeoutMs: 5 * 60 * 1000 });
if (!electron.ok) {
  const reason = electron.message.split('\n')[0];
  if (requireBinary) {
    console.error(`test/electron: FAILED — ${electron.message}`);
    process.exit(1);
  }
  console.info(`test/electron: SKIPPED — the desktop journeys were not run. ${reason}`);
  process.exit(0);
}

const sandbox = chromeSandboxProblem(sandboxFacts(electron.path));
// Root (a container) is the one case the journeys handle themselves, with a comment saying why.
if (sandbox !== undefined && process.getuid?.() !== 0) {
  console.error(`test/electron: ${sandbox}`);
  process.exit(1);
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('test/electron: the app is not built; run `npm run build` first.');
  process.exit(1);
}

const playwright = ['playwright', 'test', '-c', 'test/electron/playwright.config.ts'];
const needsDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (needsDisplay && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) {
  console.error(
    'test/electron: there is no display and no xvfb-run; install xvfb (apt-get install xvfb) or run under a desktop session.',
  );
  process.exit(1);
}
const [command, args] = needsDisplay
  ? ['xvfb-run', ['--auto-servernum', '--server-args=-screen 0 1366x768x24', 'npx', ...playwright]]
  : ['npx', playwright];

const result = spawnSync(command, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CASEFILE_ELECTRON_PATH: electron.path },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
