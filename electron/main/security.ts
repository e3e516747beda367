/**
 * All of Casefile's Electron hardening, in one place. A Casefile window only ever shows Casefile's
 * own pages (`casefile://app/`, or the Vite dev server while developing). It runs sandboxed, with
 * context isolation and no Node; it cannot navigate elsewhere, open windows or embed webviews; it is
 * granted no permissions; every response carries the Content-Security-Policy; and the only way out
 * of the app is an https:// link, opened in the person's own browser.
 */
import { BrowserWindow, shell } from 'electron';
import type {
  App,
  BrowserWindowConstructorOptions,
  Event as ElectronEvent,
  Session,
  WebContents,
} from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/app-constants';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The dev server electron-vite announces in ELECTRON_RENDERER_URL, honoured only by an unpacked
 * app and only on this machine: a packaged Casefile must never be pointed at another page by an
 * environment variable.
 */
export function resolveDevServerUrl(value: string | undefined, isPackaged: boolean) {
  if (isPackaged || value === undefined) return undefined;
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
}

/**
 * Development mode is `npm run dev` and nothing else: an unpackaged app started by electron-vite's
 * dev server. Only then do Reload and the developer tools appear. `npm start` and the desktop
 * journeys run the built app unpackaged too, and there a counsel gets exactly what the installer
 * gives them: a reload mid-edit would lose an unsaved form.
 */
export function isDevelopmentMode(devServerUrl: string | undefined) {
  return devServerUrl !== undefined;
}

/** Whether `url` is one of Casefile's own pages: `casefile://app/…` or the dev server. */
export function isAppUrl(url: string, devServerUrl?: string) {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  const devServer = devServerUrl === undefined ? undefined : parseUrl(devServerUrl);
  return devServer !== undefined && parsed.origin === devServer.origin;
}

/**
 * Every Casefile window is created here, with its web preferences written out literally so that
 * a reader (and electronegativity, which cannot follow a helper function) sees them where the
 * window is made. Callers choose size and title; they cannot loosen the preferences.
 */
export function createHardenedWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preloadPath: string,
) {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Defence in depth: middle-click events never reach the page. What actually stops a
      // middle-clicked link from opening a window is the window-open handler below.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
}

/**
 * The policy for one response. The dev server's page needs two exceptions the built app does not:
 * Vite injects React Fast Refresh's preamble as an inline script, and hot reload talks over a
 * WebSocket to the dev server.
 */
export function contentSecurityPolicyFor(url: string, devServerUrl?: string) {
  const devServer = devServerUrl === undefined ? undefined : parseUrl(devServerUrl);
  if (devServer === undefined || parseUrl(url)?.origin !== devServer.origin) {
    return CONTENT_SECURITY_POLICY;
  }
  const socket = `${devServer.protocol === 'https:' ? 'wss' : 'ws'}://${devServer.host}`;
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => {
      if (directive.startsWith('script-src ')) return `${directive} 'unsafe-inline'`;
      if (directive.startsWith('connect-src ')) return `${directive} ${socket}`;
      return directive;
    })
    .join('; ');
}

type HardeningOptions = { devServerUrl?: string | undefined };

/**
 * Denies every permission (camera, notifications, geolocation, clipboard reads, …): Casefile
 * needs none. Adds the CSP to every response that passes through the network stack, which is how
 * the dev server's pages get it; `casefile://` responses also carry it from protocol.ts.
 */
export function hardenSession(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'
  >,
  { devServerUrl }: HardeningOptions = {},
) {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({
      responseHeaders: {
        ...headers,
        'Content-Security-Policy': [contentSecurityPolicyFor(details.url, devServerUrl)],
      },
    });
  });
}

type NavigationEvent = ElectronEvent<{ url: string }>;

/**
 * Sandboxes every renderer, whatever its window asked for, and applies the navigation policy to
 * every web contents the app ever creates. Call before the app is ready.
 */
export function hardenWebContents(
  app: Pick<App, 'on' | 'enableSandbox'>,
  { devServerUrl }: HardeningOptions = {},
) {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, devServerUrl);
  });
}

function guardWebContents(contents: WebContents, devServerUrl: string | undefined) {
  const stayInApp = (event: NavigationEvent) => {
    if (isAppUrl(event.url, devServerUrl)) return;
    event.preventDefault();
    console.warn(`Casefile blocked a page from leaving the app for ${event.url}`);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target="_blank" to a secure web page is a person following a reference: it
    // opens in their browser. Nothing ever opens inside Casefile.
    if (isSafeExternalUrl(url)) {
      openExternalSafely(url).catch((error: unknown) => {
        console.error('Casefile could not open a link in the browser', error);
      });
    }
    return { action: 'deny' };
  });
}

/**
 * Only https:// addresses leave the app: no file:, javascript:, http: or other applications'
 * schemes (which could launch programs), and no user name or password hidden in the address.
 */
export function isSafeExternalUrl(url: string) {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Opens `url` in the person's browser if the policy allows it; answers whether it did. */
export async function openExternalSafely(url: string) {
  if (!isSafeExternalUrl(url)) return false;
  // The parsed form, not the raw string: what was checked is exactly what is opened.
  await shell.openExternal(new URL(url).href);
  return true;
}
