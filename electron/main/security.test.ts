import type { App, Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const electron = vi.hoisted(() => ({
  windowOptions: [] as unknown[],
  openExternal: vi.fn<(url: string) => Promise<void>>(async () => {}),
}));

vi.mock('electron', () => ({
  BrowserWindow: function BrowserWindow(options: unknown) {
    electron.windowOptions.push(options);
  },
  shell: { openExternal: electron.openExternal },
}));

const {
  contentSecurityPolicyFor,
  createHardenedWindow,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
  openExternalSafely,
  resolveDevServerUrl,
  isDevelopmentMode,
} = await import('./security');

const devServerUrl = 'http://localhost:5173/';

type Listener = (...args: unknown[]) => unknown;

/** A web contents that records its listeners, as Electron would call them. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: typeof windowOpenHandler) {
      windowOpenHandler = handler;
    },
  };
  const app = {
    enableSandbox: vi.fn<() => void>(),
    on(name: string, listener: Listener) {
      if (name === 'web-contents-created') listener({}, contents);
      return app;
    },
  };
  hardenWebContents(app as unknown as App, { devServerUrl });
  return {
    app,
    /** Fires `name` like Electron does and answers whether the page was stopped. */
    navigate(name: 'will-navigate' | 'will-redirect', url: string) {
      const preventDefault = vi.fn<() => void>();
      listeners.get(name)?.({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    },
    attachWebview() {
      const preventDefault = vi.fn<() => void>();
      listeners.get('will-attach-webview')?.({ preventDefault }, {}, {});
      return preventDefault.mock.calls.length > 0;
    },
    openWindow(url: string) {
      return windowOpenHandler?.({ url });
    },
  };
}

type Headers = Record<string, string[]>;
type RequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type CheckHandler = (webContents: unknown, permission: string, origin: string) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Headers },
  callback: (response: { responseHeaders?: Headers }) => void,
) => void;

/** A session that keeps the handlers Casefile installs, to call them as Chromium would. */
function fakeSession(options?: { devServerUrl: string }) {
  const session = {
    setPermissionRequestHandler: vi.fn<(handler: RequestHandler) => void>(),
    setPermissionCheckHandler: vi.fn<(handler: CheckHandler) => void>(),
    webRequest: { onHeadersReceived: vi.fn<(listener: HeadersListener) => void>() },
  };
  hardenSession(session as unknown as Session, options);
  const installed = <T>(calls: Array<[T]>) => {
    const [call] = calls;
    if (!call) throw new Error('No handler was installed');
    return call[0];
  };
  return {
    requestHandler: installed(session.setPermissionRequestHandler.mock.calls),
    checkHandler: installed(session.setPermissionCheckHandler.mock.calls),
    /** The headers a response ends up with. */
    headersFor(url: string, responseHeaders: Headers) {
      const callback = vi.fn<(response: { responseHeaders?: Headers }) => void>();
      installed(session.webRequest.onHeadersReceived.mock.calls)(
        { url, responseHeaders },
        callback,
      );
      return callback.mock.calls[0]?.[0].responseHeaders;
    },
  };
}

beforeEach(() => {
  electron.windowOptions.length = 0;
  electron.openExternal.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('security', () => {
  it('creates windows sandboxed, isolated and without Node, whatever the caller asks for', () => {
    createHardenedWindow({ width: 800, height: 600, title: 'Casefile' }, '/app/preload/index.cjs');
    expect(electron.windowOptions).toEqual([
      {
        width: 800,
        height: 600,
        title: 'Casefile',
        webPreferences: {
          preload: '/app/preload/index.cjs',
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
          disableBlinkFeatures: 'Auxclick',
          spellcheck: true,
        },
      },
    ]);

    // The type forbids it; this proves a caller slipping preferences in at run time loses.
    const sneaky = { webPreferences: { nodeIntegration: true, sandbox: false } };
    createHardenedWindow(sneaky as object, '/p.cjs');
    expect(electron.windowOptions[1]).toMatchObject({
      webPreferences: { nodeIntegration: false, sandbox: true },
    });
  });

  it('lets pages move within the app', () => {
    const page = fakeWebContents();
    expect(page.navigate('will-navigate', 'casefile://app/index.html#/disputes')).toBe(false);
    expect(page.navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(page.navigate('will-redirect', 'casefile://app/index.html')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'file:///etc/passwd',
    'casefile://evil/index.html',
    'casefile://user:pw@app/index.html',
    'http://localhost:4000/',
    'javascript:alert(1)',
    'not a url',
  ])('stops navigation and redirects to %s', (url) => {
    const page = fakeWebContents();
    expect(page.navigate('will-navigate', url)).toBe(true);
    expect(page.navigate('will-redirect', url)).toBe(true);
  });

  it('never opens a window, and sends https links to the browser', () => {
    const page = fakeWebContents();
    expect(page.openWindow('https://www.wipo.int/portal/en/')).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledWith('https://www.wipo.int/portal/en/');

    electron.openExternal.mockClear();
    for (const url of ['casefile://app/index.html', 'http://example.com/', 'file:///tmp/x']) {
      expect(page.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    expect(fakeWebContents().attachWebview()).toBe(true);
  });

  it('sandboxes every renderer of the app', () => {
    expect(fakeWebContents().app.enableSandbox).toHaveBeenCalledOnce();
  });

  it('denies every permission request and check', () => {
    const { requestHandler, checkHandler } = fakeSession();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn<(granted: boolean) => void>();
      requestHandler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler({}, permission, 'casefile://app')).toBe(false);
    }
  });

  it('puts the Content-Security-Policy on every response, replacing any other', () => {
    const { headersFor } = fakeSession({ devServerUrl });
    expect(
      headersFor('casefile://app/index.html', {
        'content-security-policy': ['default-src *'],
        'X-Other': ['1'],
      }),
    ).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });

    const [devPolicy] = headersFor('http://localhost:5173/src/main.tsx', {})?.[
      'Content-Security-Policy'
    ] ?? [''];
    expect(devPolicy).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");
    expect(devPolicy).toContain('ws://localhost:5173');
  });

  it('relaxes the policy for the dev server only', () => {
    expect(contentSecurityPolicyFor('casefile://app/index.html', devServerUrl)).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(contentSecurityPolicyFor('http://localhost:5173/', undefined)).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('honours ELECTRON_RENDERER_URL only for an unpacked app on this machine', () => {
    expect(resolveDevServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(resolveDevServerUrl('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/');
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeUndefined();
    expect(resolveDevServerUrl('https://attacker.example', false)).toBeUndefined();
    expect(resolveDevServerUrl('file:///tmp/index.html', false)).toBeUndefined();
    expect(resolveDevServerUrl(undefined, false)).toBeUndefined();
  });

  it('offers developer tools only to `npm run dev`, not to every unpackaged run', () => {
    // `npm start` (unpackaged, no dev server) is a counsel's run, not a developer's.
    expect(isDevelopmentMode(resolveDevServerUrl(undefined, false))).toBe(false);
    expect(isDevelopmentMode(resolveDevServerUrl('http://localhost:5173', true))).toBe(false);
    expect(isDevelopmentMode(resolveDevServerUrl('http://localhost:5173', false))).toBe(true);
  });

  it('recognises the app origin exactly', () => {
    expect(isAppUrl('casefile://app/')).toBe(true);
    expect(isAppUrl('casefile://app/index.html')).toBe(true);
    expect(isAppUrl('casefile://app.evil/')).toBe(false);
    expect(isAppUrl('casefile://app:8080/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', devServerUrl)).toBe(true);
  });

  it.each([
    ['https://www.wipo.int/', true],
    ['https://example.com/path?q=1#x', true],
    ['HTTPS://EXAMPLE.COM/', true],
    ['http://example.com/', false],
    ['https://user:secret@example.com/', false],
    ['https://user@example.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['casefile://app/index.html', false],
    ['mailto:counsel@example.com', false],
    ['smb://server/share', false],
    ['ms-msdt:/id', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['//example.com', false],
    ['', false],
    ['not a url', false],
  ])('allows %s out of the app: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });

  it('opens only allowed links, in their parsed form', async () => {
    await expect(openExternalSafely('https://Example.com/a b')).resolves.toBe(true);
    expect(electron.openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
    await expect(openExternalSafely('file:///etc/passwd')).resolves.toBe(false);
    expect(electron.openExternal).toHaveBeenCalledTimes(1);
  });
});
