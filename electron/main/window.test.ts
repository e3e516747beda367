import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

const electron = vi.hoisted(() => ({
  windows: [] as Array<{
    options: Record<string, unknown>;
    show: Mock<() => void>;
    maximize: Mock<() => void>;
    loadURL: Mock<(url: string) => Promise<void>>;
    ready: () => void;
  }>,
}));

vi.mock('electron', () => ({
  shell: {},
  BrowserWindow: class {
    readonly show = vi.fn<() => void>();
    readonly maximize = vi.fn<() => void>();
    readonly loadURL = vi.fn<(url: string) => Promise<void>>(async () => {});
    private readonly listeners = new Map<string, () => void>();
    constructor(options: Record<string, unknown>) {
      electron.windows.push({
        options,
        show: this.show,
        maximize: this.maximize,
        loadURL: this.loadURL,
        ready: () => this.listeners.get('ready-to-show')?.(),
      });
    }
    once(name: string, listener: () => void) {
      this.listeners.set(name, listener);
      return this;
    }
  },
}));

const { createMainWindow } = await import('./window');

function openWindow(isDev: boolean, rendererUrl?: string) {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', isDev, rendererUrl });
  const created = electron.windows.at(-1);
  if (!created) throw new Error('No window was created');
  return created;
}

beforeEach(() => {
  electron.windows.length = 0;
});

describe('createMainWindow', () => {
  it('opens a 1280×820 Casefile window that cannot shrink below 1000×600', () => {
    const { options } = openWindow(false);
    expect(options).toMatchObject({
      width: 1280,
      height: 820,
      minWidth: 1000,
      minHeight: 600,
      title: 'Casefile',
    });
  });

  it('opens where it was left, maximised again if it was', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      isDev: false,
      state: { x: 40, y: 30, width: 1100, height: 700, maximized: true },
    });
    const window = electron.windows.at(-1)!;
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 700 });
    window.ready();
    expect(window.maximize).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('uses the hardened web preferences with the preload', () => {
    const { options } = openWindow(false);
    expect(options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('stays hidden until its first paint is ready', () => {
    const window = openWindow(false);
    expect(window.options['show']).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.ready();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the app from casefile://app/', () => {
    expect(openWindow(false).loadURL).toHaveBeenCalledWith('casefile://app/index.html');
    // A dev server address is ignored outside development.
    expect(openWindow(false, 'http://localhost:5173/').loadURL).toHaveBeenCalledWith(
      'casefile://app/index.html',
    );
  });

  it('loads the dev server while developing', () => {
    expect(openWindow(true, 'http://localhost:5173/').loadURL).toHaveBeenCalledWith(
      'http://localhost:5173/',
    );
    expect(openWindow(true).loadURL).toHaveBeenCalledWith('casefile://app/index.html');
  });
});
