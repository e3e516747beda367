/**
 * The packaged renderer is served from `casefile://app/`, a privileged standard scheme, rather than
 * file://: it gives the app one stable origin for IndexedDB (see app-constants.ts), lets 'self' in
 * the CSP mean something, and keeps the rest of the disk out of the page's reach. Only files under
 * the built renderer folder are served, only for host `app`, each with the CSP header.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/app-constants';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/** Must run before the app is ready: Chromium reads scheme privileges once, at start-up. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  // Tesseract's language data (tesseract.js checks the gzip bytes itself; never sent with
  // Content-Encoding, so the engine receives exactly the file that ships).
  '.gz': 'application/gzip',
  '.traineddata': 'application/octet-stream',
};

export function contentTypeFor(filePath: string) {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a request URL to a file under `rootDir`, or says why not. The URL parser already folds
 * `..` segments; this also refuses encoded separators and dot segments (`..%2F`, `%5C`), NUL
 * bytes, and checks the final path is still inside the root, so no spelling reaches outside it.
 */
export function resolveRendererPath(rootDir: string, requestUrl: string): ResolvedPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  if (url.username !== '' || url.password !== '') return { ok: false, status: 403 };

  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { ok: false, status: 403 };
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const filePath = join(root, ...segments);
  if (!filePath.startsWith(root + sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' } as const;

function securityHeaders(contentType: string) {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function errorResponse(status: 400 | 403 | 404) {
  return new Response(STATUS_TEXT[status], {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}

/** Answers one `casefile://` request from the files under `rootDir`. */
export async function respondFromFolder(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(403);
  const resolved = resolveRendererPath(rootDir, request.url);
  if (!resolved.ok) return errorResponse(resolved.status);
  try {
    const info = await stat(resolved.filePath);
    if (!info.isFile()) return errorResponse(404);
    const body = request.method === 'HEAD' ? null : await readFile(resolved.filePath);
    return new Response(body, {
      status: 200,
      headers: {
        ...securityHeaders(contentTypeFor(resolved.filePath)),
        'Content-Length': String(info.size),
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.error(`Casefile could not read ${resolved.filePath}`, error);
    }
    return errorResponse(404);
  }
}

/** Serves the built renderer (`out/renderer`) on `casefile://app/`. Call once the app is ready. */
export function serveRenderer(rootDir: string) {
  protocol.handle(APP_SCHEME, (request) => respondFromFolder(rootDir, request));
}
