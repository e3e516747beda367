import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromeSandboxProblem, electronPackageDir, type SandboxFacts } from './electron-binary.mjs';

const startScript = fileURLToPath(new URL('./start.mjs', import.meta.url));
// With the binary installed, the installer never downloads, so the failure cannot be provoked.
const binaryInstalled = existsSync(join(electronPackageDir(), 'path.txt'));

/** A loopback port with nothing listening on it: every connection is refused at once. */
async function closedPort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runScript(path: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

const linux: SandboxFacts = {
  platform: 'linux',
  uid: 1000,
  helperPath: '/app/node_modules/electron/dist/chrome-sandbox',
  helper: { uid: 1000, mode: 0o100755 },
  restrictUserNamespaces: '1',
  unprivilegedUserNamespaces: undefined,
};

describe('getting the Electron binary', () => {
  it.skipIf(binaryInstalled)(
    'npm start stops within seconds with the three ways out when the download fails',
    async () => {
      const cache = await mkdtemp(join(tmpdir(), 'casefile-electron-cache-'));
      try {
        const result = await runScript(
          startScript,
          {
            ...process.env,
            ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
            // An empty cache, so a zip downloaded earlier cannot stand in for the download.
            electron_config_cache: cache,
            ELECTRON_OVERRIDE_DIST_PATH: '',
          },
          20_000,
        );
        expect(result.code).toBe(1);
        expect(result.ms).toBeLessThan(15_000);
        expect(result.output).toMatch(/needs the Electron \d+\.\d+\.\d+ binary/);
        expect(result.output).toContain('Connect to the internet');
        expect(result.output).toContain('ELECTRON_MIRROR=');
        expect(result.output).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
        // Plain words, not the installer's stack trace.
        expect(result.output).not.toMatch(/^\s+at /m);
      } finally {
        await rm(cache, { recursive: true, force: true });
      }
    },
    30_000,
  );

  it('says what is missing when ELECTRON_OVERRIDE_DIST_PATH points at nothing', async () => {
    const result = await runScript(
      startScript,
      { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron-here') },
      20_000,
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('ELECTRON_OVERRIDE_DIST_PATH is set, but');
  });

  it('explains the exact command when the Linux sandbox helper is not set up', () => {
    const problem = chromeSandboxProblem(linux);
    expect(problem).toContain(
      'sudo chown root:root /app/node_modules/electron/dist/chrome-sandbox && sudo chmod 4755 /app/node_modules/electron/dist/chrome-sandbox',
    );
  });

  it('lets the sandbox start when the helper is root-owned 4755 or namespaces are allowed', () => {
    expect(chromeSandboxProblem({ ...linux, helper: { uid: 0, mode: 0o104755 } })).toBeUndefined();
    expect(chromeSandboxProblem({ ...linux, restrictUserNamespaces: '0' })).toBeUndefined();
    expect(
      chromeSandboxProblem({
        ...linux,
        restrictUserNamespaces: undefined,
        unprivilegedUserNamespaces: '0',
      }),
    ).toContain('sudo chmod 4755');
    expect(chromeSandboxProblem({ ...linux, platform: 'darwin' })).toBeUndefined();
  });

  it('says plainly that Chromium will not sandbox as root, instead of turning the sandbox off', () => {
    expect(chromeSandboxProblem({ ...linux, uid: 0 })).toContain('as root');
  });
});
