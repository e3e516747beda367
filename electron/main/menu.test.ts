import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc';

const electron = vi.hoisted(() => ({
  focused: null as unknown,
  setApplicationMenu: vi.fn<(menu: unknown) => void>(),
  buildFromTemplate: vi.fn<(template: unknown) => unknown>((template) => ({ template })),
}));

vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => electron.focused },
  Menu: {
    setApplicationMenu: electron.setApplicationMenu,
    buildFromTemplate: electron.buildFromTemplate,
  },
}));

const { buildMenuTemplate, installApplicationMenu } = await import('./menu');

type Item = MenuItemConstructorOptions;

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((entry) => entry.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`No ${label} menu`);
  return menu.submenu;
}

function item(items: Item[], label: string): Item {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`No ${label} item`);
  return found;
}

function click(entry: Item) {
  entry.click?.({} as never, undefined, {} as never);
}

const roles = (items: Item[]) => items.map((entry) => entry.role).filter(Boolean);

function setUp(isDev: boolean, platform: NodeJS.Platform = 'linux') {
  const send = vi.fn<(command: MenuCommand) => void>();
  const revealDataFolder = vi.fn<() => void>();
  const showAbout = vi.fn<() => void>();
  const template = buildMenuTemplate(send, { isDev, platform, revealDataFolder, showAbout });
  return { template, send, revealDataFolder, showAbout };
}

beforeEach(() => {
  electron.focused = null;
  electron.setApplicationMenu.mockClear();
});

describe('application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { template } = setUp(false);
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'Help',
    ]);
  });

  it('sends the case-file commands to the renderer from File and View', () => {
    const { template, send } = setUp(false);
    const file = submenu(template, 'File');
    expect(item(file, 'New dispute').accelerator).toBe('CmdOrCtrl+N');
    click(item(file, 'New dispute'));
    click(item(file, 'Open the sample case file'));
    click(item(submenu(template, 'View'), 'All disputes'));
    click(item(submenu(template, 'View'), 'Find…'));
    expect(send.mock.calls).toEqual([
      ['new-dispute'],
      ['load-sample'],
      ['show-disputes'],
      ['find'],
    ]);
  });

  it('shows the data folder and the About box from the main process', () => {
    const { template, send, revealDataFolder, showAbout } = setUp(false);
    click(item(submenu(template, 'File'), 'Show data folder'));
    click(item(submenu(template, 'Help'), 'About Casefile'));
    expect(revealDataFolder).toHaveBeenCalledOnce();
    expect(showAbout).toHaveBeenCalledOnce();
    expect(send).not.toHaveBeenCalled();
    expect(roles(submenu(template, 'File'))).toEqual(['quit']);
  });

  it('offers reload and developer tools only in development', () => {
    const shipped = roles(submenu(setUp(false).template, 'View'));
    expect(shipped).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);

    const dev = roles(submenu(setUp(true).template, 'View'));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(dev).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
  });

  it('follows macOS conventions: an app menu with About and Quit, Close in File', () => {
    const { template, showAbout } = setUp(false, 'darwin');
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual([
      'Casefile',
      'File',
      'editMenu',
      'View',
      'windowMenu',
    ]);
    const appMenu = submenu(template, 'Casefile');
    click(item(appMenu, 'About Casefile'));
    expect(showAbout).toHaveBeenCalledOnce();
    expect(roles(appMenu)).toContain('quit');
    expect(roles(submenu(template, 'File'))).toEqual(['close']);
  });

  it('sends commands to the focused window, else to the main window', () => {
    const focusedSend = vi.fn<(channel: string, command: MenuCommand) => void>();
    const mainSend = vi.fn<(channel: string, command: MenuCommand) => void>();
    const main = { webContents: { send: mainSend } } as unknown as BrowserWindow;
    installApplicationMenu({
      isDev: false,
      getMainWindow: () => main,
      revealDataFolder: () => {},
      showAbout: () => {},
    });
    const built = electron.setApplicationMenu.mock.calls[0]?.[0] as { template: Item[] };
    const newDispute = item(submenu(built.template, 'File'), 'New dispute');

    click(newDispute);
    expect(mainSend).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'new-dispute');

    electron.focused = { webContents: { send: focusedSend } };
    click(newDispute);
    expect(focusedSend).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'new-dispute');
    expect(mainSend).toHaveBeenCalledOnce();
  });
});
