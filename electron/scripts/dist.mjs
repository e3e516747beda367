/**
 * `npm run dist`: the installers for this platform (AppImage and deb on Linux, NSIS on Windows,
 * dmg on macOS), built by electron-builder from the configuration in package.json ("build").
 * The Electron it packages is the one Electron's own installer put in node_modules (fetched the
 * way `npm start` fetches it), so electron-builder does not download it a second time. Where it
 * cannot be had, or electron-builder cannot download its own packaging tools, this says so in
 * one line and exits non-zero. Extra arguments go to electron-builder (`npm run dist -- --linux deb`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, ensureElectron } from './electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npx = (args, options) =>
  spawnSync('npx', ['--no-install', ...args], {
    cwd: root,
    shell: process.platform === 'win32',
    ...options,
  });

const electron = await ensureElectron();
if (!electron.ok) {
  console.error(`npm run dist: ${electron.message.split('\n')[0]}`);
  process.exit(1);
}

const built = npx(['electron-vite', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const extra = process.argv.slice(2);
const hostFlag = { linux: '--linux', win32: '--win', darwin: '--mac' }[process.platform];
// The Electron in node_modules is this platform's; for another platform electron-builder fetches one.
const forThisPlatform = !extra.some((arg) => /^--(linux|win|mac)$/.test(arg) && arg !== hostFlag);
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronPackageDir(), 'dist');
const builder = spawn(
  'npx',
  [
    '--no-install',
    'electron-builder',
    ...(forThisPlatform ? [`--config.electronDist=${electronDist}`] : []),
    ...extra,
  ],
  { cwd: root, shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] },
);
let output = '';
for (const stream of [builder.stdout, builder.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
}
builder.on('close', (code) => {
  if (code === 0) {
    console.info('npm run dist: the installers are in release/.');
    process.exit(0);
  }
  const offline =
    /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|fetch failed|dial tcp|cannot download/i;
  if (offline.test(output)) {
    console.error(
      'npm run dist: electron-builder could not download its packaging tools (no route to GitHub); connect to the internet, or set ELECTRON_BUILDER_BINARIES_MIRROR, and run it again.',
    );
  }
  process.exit(code ?? 1);
});
