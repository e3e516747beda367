import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>(),
  handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
}));

vi.mock('electron', () => ({ protocol: electron }));

const { contentTypeFor, registerAppScheme, resolveRendererPath, respondFromFolder, serveRenderer } =
  await import('./protocol');

let sandbox: string;
let root: string;

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'casefile-protocol-'));
  root = join(sandbox, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Casefile</title>');
  await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(sandbox, 'secret.txt'), 'not for the renderer');
});

afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

function get(url: string) {
  return respondFromFolder(root, new Request(url));
}

describe('protocol', () => {
  it('registers casefile:// as a privileged standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'casefile',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
          codeCache: true,
        },
      },
    ]);
  });

  it('serves the renderer folder through protocol.handle', async () => {
    serveRenderer(root);
    const [scheme, handler] = electron.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('casefile');
    const response = await handler?.(new Request('casefile://app/index.html'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('<title>Casefile</title>');
  });

  it('answers 200 with the file for a plain request', async () => {
    const response = await get('casefile://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Casefile</title>');
  });

  it('maps paths inside the root, with index.html for the root', () => {
    expect(resolveRendererPath(root, 'casefile://app/')).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
    });
    expect(resolveRendererPath(root, 'casefile://app/assets/main.js?v=1#x')).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'main.js'),
    });
    expect(resolveRendererPath(root, 'casefile://app/assets/my%20file.js')).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'my file.js'),
    });
  });

  it.each([
    'casefile://app/../secret.txt',
    'casefile://app/assets/../../secret.txt',
    'casefile://app/%2e%2e/secret.txt',
    'casefile://app/..%2Fsecret.txt',
    'casefile://app/..%2fsecret.txt',
    'casefile://app/..%5Csecret.txt',
    'casefile://app/assets%2F..%2F..%2Fsecret.txt',
    'casefile://app/%2Fetc%2Fpasswd',
    'casefile://app/C:%5CWindows%5Cwin.ini',
    'casefile://app/index.html%00.png',
  ])('never reaches outside the root: %s', async (url) => {
    // The URL parser folds some dot segments away; whatever is left must stay under the root.
    const resolved = resolveRendererPath(root, url);
    const escapes = resolved.ok && !resolved.filePath.startsWith(join(root, '/'));
    expect(escapes).toBe(false);
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('refuses other hosts, schemes and credentials', () => {
    expect(resolveRendererPath(root, 'casefile://evil/index.html')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveRendererPath(root, 'casefile://x:y@app/index.html')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveRendererPath(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveRendererPath(root, 'casefile://app/%E0%A4%A')).toEqual({
      ok: false,
      status: 400,
    });
  });

  it('answers 404 for missing files and folders, 403 for other hosts', async () => {
    expect((await get('casefile://app/missing.js')).status).toBe(404);
    expect((await get('casefile://app/assets')).status).toBe(404);
    expect((await get('casefile://other/index.html')).status).toBe(403);
  });

  it('sends the content type, nosniff and the CSP with every response', async () => {
    const page = await get('casefile://app/index.html');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await get('casefile://app/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');

    const missing = await get('casefile://app/nope.css');
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses anything but GET and HEAD', async () => {
    const post = await respondFromFolder(
      root,
      new Request('casefile://app/index.html', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(403);
    const head = await respondFromFolder(
      root,
      new Request('casefile://app/index.html', { method: 'HEAD' }),
    );
    expect(head.status).toBe(200);
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['pdf.worker.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.PNG', 'image/png'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['hash.wasm', 'application/wasm'],
    ['font.woff2', 'font/woff2'],
    ['font.ttf', 'font/ttf'],
    ['sample.pdf', 'application/pdf'],
    ['favicon.ico', 'image/x-icon'],
    ['tesseract/lang/chi_sim.traineddata.gz', 'application/gzip'],
    ['tesseract/core/tesseract-core-simd-lstm.wasm.js', 'text/javascript; charset=utf-8'],
    ['eng.traineddata', 'application/octet-stream'],
    ['data.bin', 'application/octet-stream'],
  ])('serves %s as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
