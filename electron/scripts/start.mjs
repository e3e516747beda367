/**
 * `npm start`: make sure the Electron binary is here (Electron's own installer), check that its
 * sandbox can start, build once, and open the app with `electron-vite preview --skipBuild`.
 * Every stop says what is wrong and what to do, in one short message, and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromeSandboxProblem, ensureElectron, sandboxFacts } from './electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const electron = await ensureElectron();
if (!electron.ok) {
  console.error(electron.message);
  process.exit(1);
}

const sandbox = chromeSandboxProblem(sandboxFacts(electron.path));
if (sandbox !== undefined) {
  console.error(sandbox);
  process.exit(1);
}

/** Runs a locally installed tool; answers its exit status. */
function run(args, env = process.env) {
  const result = spawnSync('npx', ['--no-install', ...args], {
    cwd: root,
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

const built = run(['electron-vite', 'build']);
if (built !== 0) process.exit(built);
// electron-vite finds the binary through ELECTRON_EXEC_PATH (or node_modules/electron/path.txt).
process.exit(
  run(['electron-vite', 'preview', '--skipBuild'], {
    ...process.env,
    ELECTRON_EXEC_PATH: electron.path,
  }),
);
