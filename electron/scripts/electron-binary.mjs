/**
 * Making sure the Electron binary is on this machine, for `npm start`, `npm run test:electron`
 * and `npm run dist`. Since Electron 45 the `electron` package has no install script: its binary
 * is downloaded by the package's own installer (`install-electron`, the package's install.js),
 * which `require('electron')` also runs the first time. We run that installer in a child process
 * with its output captured, so that when the download cannot happen (no route to GitHub, as on
 * our build machines) the person reads what is missing and the three ways out, not a stack trace.
 *
 * Plain JavaScript, because these run before anything is built; types in electron-binary.d.mts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of the installed `electron` package. */
export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

/** The version of Electron this project pins. */
export function electronVersion() {
  return JSON.parse(readFileSync(join(electronPackageDir(), 'package.json'), 'utf8')).version;
}

/**
 * What a person reads when the binary cannot be had: what is missing, why, and the three ways
 * out. `reason` is the installer's last line (e.g. "TypeError: fetch failed").
 */
export function missingElectronMessage(version, reason) {
  return [
    `Casefile needs the Electron ${version} binary, and it is not on this computer: downloading it failed (${reason}).`,
    'Three ways out:',
    '  1. Connect to the internet (GitHub must be reachable) and run the command again.',
    `  2. Download from a mirror: ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start`,
    `  3. Use an Electron ${version} you already have unpacked: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron/dist npm start`,
  ].join('\n');
}

/** The last meaningful line the installer printed, for the message above. */
function lastReason(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  return lines.at(-1) ?? 'no reason given';
}

/**
 * Runs Electron's installer (downloading the binary if it is not there yet, a no-op when it is)
 * and answers `{ ok: true, path }` with the executable, or `{ ok: false, message }`.
 * `timeoutMs` bounds a download that hangs rather than fails.
 */
export async function ensureElectron({ env = process.env, timeoutMs = 10 * 60 * 1000 } = {}) {
  const dir = electronPackageDir();
  const version = electronVersion();

  // Electron's installer does not read ELECTRON_OVERRIDE_DIST_PATH before downloading, but its
  // `require('electron')` does: with an override there is nothing to download, only to check.
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = executableIn(env.ELECTRON_OVERRIDE_DIST_PATH);
    return existsSync(path)
      ? { ok: true, path }
      : {
          ok: false,
          message: missingElectronMessage(
            version,
            `ELECTRON_OVERRIDE_DIST_PATH is set, but ${path} does not exist`,
          ),
        };
  }

  const outcome = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output += chunk.toString();
      // A download can print progress for minutes; keep only the tail for the reason.
      if (output.length > 20_000) output = output.slice(-10_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill();
      resolve({ code: null, output: `no answer after ${Math.round(timeoutMs / 1000)} seconds` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

  const path = installedExecutable(dir);
  if (outcome.code === 0 && path !== undefined) return { ok: true, path };
  return { ok: false, message: missingElectronMessage(version, lastReason(outcome.output)) };
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

function executableIn(distDir) {
  return join(distDir, platformExecutable());
}

function installedExecutable(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? path : undefined;
}

/** Reads what the sandbox check needs from this machine. */
export function sandboxFacts(executablePath) {
  const helper = join(dirname(executablePath), 'chrome-sandbox');
  const read = (file) => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  let helperStat;
  try {
    const stat = statSync(helper);
    helperStat = { uid: stat.uid, mode: stat.mode };
  } catch {
    helperStat = undefined;
  }
  return {
    platform: process.platform,
    uid: process.getuid?.(),
    helperPath: helper,
    helper: helperStat,
    restrictUserNamespaces: read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    unprivilegedUserNamespaces: read('/proc/sys/kernel/unprivileged_userns_clone'),
  };
}

/**
 * Chromium's sandbox on Linux needs either unprivileged user namespaces (which Ubuntu 23.10+
 * restricts through AppArmor, and some kernels turn off) or the setuid helper `chrome-sandbox`,
 * owned by root with mode 4755. Without either, Electron dies at start with a FATAL line few
 * people can act on. Answers what to do, or undefined when the sandbox can start. The sandbox is
 * never turned off for the person: they are told the command that fixes it.
 */
export function chromeSandboxProblem(facts) {
  if (facts.platform !== 'linux') return undefined;
  if (facts.uid === 0) {
    return [
      'Casefile is being started as root, and Chromium will not run its sandbox as root.',
      'Start it as your normal user instead.',
    ].join('\n');
  }
  const helperReady =
    facts.helper !== undefined && facts.helper.uid === 0 && (facts.helper.mode & 0o7777) === 0o4755;
  if (helperReady) return undefined;
  const namespacesAllowed =
    facts.restrictUserNamespaces !== '1' && facts.unprivilegedUserNamespaces !== '0';
  if (namespacesAllowed) return undefined;
  return [
    "Electron's sandbox cannot start on this Linux: unprivileged user namespaces are restricted",
    `(as on Ubuntu 23.10 and later), and its helper ${facts.helperPath} is not owned by root with mode 4755.`,
    'Fix it once with:',
    `  sudo chown root:root ${facts.helperPath} && sudo chmod 4755 ${facts.helperPath}`,
    'then run the command again. (Casefile never turns the sandbox off.)',
  ].join('\n');
}
