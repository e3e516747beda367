import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipc';

type Listener = (...args: unknown[]) => void;

/** A stand-in for Electron that writes down, in order, what the main process asks of it. */
const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    lock: true,
    ready: () => {},
    appListeners: new Map<string, Listener>(),
    windows: [] as Array<{ restore: () => void; focus: () => void }>,
    ipcChannels: [] as string[],
    packaged: true,
    menu: undefined as unknown,
  };
  return state;
});

vi.mock('electron', () => {
  const log = (entry: string) => fake.log.push(entry);
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    static getFocusedWindow = () => null;
    readonly on = () => this;
    readonly once = () => this;
    readonly loadURL = async (url: string) => {
      log(`loadURL:${url}`);
    };
    readonly show = () => {};
    readonly focus = vi.fn<() => void>();
    readonly restore = vi.fn<() => void>();
    readonly isMinimized = () => true;
    readonly isDestroyed = () => false;
    readonly webContents = { on: () => {} };
    constructor(options: { webPreferences: { preload: string } }) {
      log(`window:${options.webPreferences.preload}`);
      fake.windows.push(this as never);
    }
  }
  return {
    app: {
      get isPackaged() {
        return fake.packaged;
      },
      getPath: (name: string) => (name === 'appData' ? '/nowhere/appData' : '/nowhere/Downloads'),
      setPath: (name: string, value: string) => log(`setPath:${name}:${value}`),
      getVersion: () => '0.1.0',
      enableSandbox: () => log('enableSandbox'),
      requestSingleInstanceLock: () => {
        log('requestSingleInstanceLock');
        return fake.lock;
      },
      quit: () => log('quit'),
      exit: (code: number) => log(`exit:${code}`),
      isReady: () => true,
      on: (name: string, listener: Listener) => {
        fake.appListeners.set(name, listener);
      },
      whenReady: () => {
        log('whenReady');
        return new Promise<void>((resolve) => {
          fake.ready = () => {
            log('ready');
            resolve();
          };
        });
      },
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        fake.menu = menu;
        log('setApplicationMenu');
      },
    },
    dialog: { showErrorBox: (title: string) => log(`error:${title}`) },
    clipboard: {},
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1440, height: 875 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1440, height: 875 } }],
    },
    shell: {},
    safeStorage: {},
    ipcMain: { handle: (channel: string) => fake.ipcChannels.push(channel) },
    protocol: {
      registerSchemesAsPrivileged: () => log('registerSchemesAsPrivileged'),
      handle: (scheme: string) => log(`protocol.handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => log('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => log('setPermissionCheckHandler'),
        webRequest: { onHeadersReceived: () => log('onHeadersReceived') },
        setSpellCheckerDictionaryDownloadURL: (url: string) => log(`dictionaries:${url}`),
        setSpellCheckerEnabled: (enabled: boolean) => log(`spellcheck:${enabled}`),
      },
    },
  };
});

let dataDir: string;

beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'casefile-main-')), 'Case files');
  vi.stubEnv('CASEFILE_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
  fake.log.length = 0;
  fake.windows.length = 0;
  fake.ipcChannels.length = 0;
  fake.appListeners.clear();
  fake.lock = true;
  fake.packaged = true;
  vi.resetModules();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(join(dataDir, '..'), { recursive: true, force: true });
});

async function start() {
  await import('./index');
}

async function becomeReady() {
  fake.ready();
  await vi.waitFor(() => expect(fake.log).toContain('setApplicationMenu'));
}

describe('main process lifecycle', () => {
  it('pins userData to the data folder before taking the single-instance lock', async () => {
    await start();
    expect(fake.log.slice(0, 4)).toEqual([
      `setPath:userData:${dataDir}`,
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'requestSingleInstanceLock',
    ]);
    expect((await stat(dataDir)).isDirectory()).toBe(true);
  });

  it('quits at once, opening nothing, when another Casefile holds this data folder', async () => {
    fake.lock = false;
    await start();
    expect(fake.log.at(-1)).toBe('quit');
    expect(fake.log).not.toContain('whenReady');
    expect(fake.windows).toHaveLength(0);
  });

  it('hardens the session, serves casefile://, answers IPC, then opens the window', async () => {
    await start();
    expect(fake.windows).toHaveLength(0);
    await becomeReady();

    const afterReady = fake.log.slice(fake.log.indexOf('ready') + 1);
    expect(afterReady).toEqual([
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'onHeadersReceived',
      // Spelling never downloads a dictionary (macOS uses its own spell checker).
      ...(process.platform === 'darwin'
        ? ['spellcheck:true']
        : ['dictionaries:http://127.0.0.1:9/', 'spellcheck:false']),
      'protocol.handle:casefile',
      'setApplicationMenu',
      expect.stringMatching(/^window:.*preload[/\\]index\.cjs$/),
      // A packaged app ignores ELECTRON_RENDERER_URL.
      'loadURL:casefile://app/index.html',
    ]);
    expect([...fake.ipcChannels].sort()).toEqual([...ipcChannels].sort());
  });

  it('gives an unpackaged run without the dev server no Reload or developer tools', async () => {
    fake.packaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    await start();
    await becomeReady();
    const roles = JSON.stringify(fake.menu);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('"reload"');
  });

  it('offers them under `npm run dev`', async () => {
    fake.packaged = false;
    await start();
    await becomeReady();
    expect(JSON.stringify(fake.menu)).toContain('toggleDevTools');
  });

  it('brings the open window forward when Casefile is started again', async () => {
    await start();
    await becomeReady();
    const [window] = fake.windows;
    fake.appListeners.get('second-instance')?.({}, [], '');
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });

  it('holds the quit while it tidies up, then quits', async () => {
    await start();
    const event = { preventDefault: vi.fn<() => void>() };
    expect(() => fake.appListeners.get('will-quit')?.(event)).not.toThrow();
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.log.at(-1)).toBe('quit'));
  });

  it.skipIf(process.platform === 'darwin')('quits when the last window closes', async () => {
    await start();
    fake.appListeners.get('window-all-closed')?.();
    expect(fake.log.at(-1)).toBe('quit');
  });
});
