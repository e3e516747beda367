/**
 * The application menu. Items that concern the case files (a new dispute, the sample) are sent to
 * the renderer as a `MenuCommand`, because the renderer owns the database; the main process only
 * handles what is its own (the data folder, the About box, quitting). Reloading and developer
 * tools are offered only to developers: a reload mid-edit would lose a counsel's unsaved form.
 */
import { BrowserWindow, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc';

export type MenuOptions = {
  isDev: boolean;
  platform: NodeJS.Platform;
  revealDataFolder: () => void;
  showAbout: () => void;
};

export function buildMenuTemplate(
  send: (command: MenuCommand) => void,
  { isDev, platform, revealDataFolder, showAbout }: MenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'About Casefile', click: showAbout };

  const macAppMenu: MenuItemConstructorOptions = {
    label: 'Casefile',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New dispute', accelerator: 'CmdOrCtrl+N', click: () => send('new-dispute') },
      { label: 'Open the sample case file', click: () => send('load-sample') },
      { label: 'Import case bundle…', click: () => send('import-bundle') },
      { type: 'separator' },
      { label: 'Back up now', accelerator: 'CmdOrCtrl+Shift+B', click: () => send('back-up-now') },
      { label: 'Restore from backup…', click: () => send('restore-backup') },
      { type: 'separator' },
      { label: 'Show data folder', click: revealDataFolder },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const developer: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'All disputes', accelerator: 'CmdOrCtrl+1', click: () => send('show-disputes') },
      // The page's own Ctrl/Cmd+K opens the search palette, also from inside a text field; the
      // menu only shows the shortcut so the keystroke is not handled twice.
      {
        label: 'Find…',
        accelerator: 'CmdOrCtrl+K',
        registerAccelerator: false,
        click: () => send('find'),
      },
      { type: 'separator' },
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  return [
    ...(isMac ? [macAppMenu] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    // On macOS, About lives in the application menu, where people look for it there.
    ...(isMac ? [] : [{ label: 'Help', submenu: [about] }]),
  ];
}

export type InstallMenuOptions = Omit<MenuOptions, 'platform'> & {
  getMainWindow: () => BrowserWindow | null;
};

/** Builds the menu for this platform; commands go to the focused window, else the main one. */
export function installApplicationMenu({ getMainWindow, ...options }: InstallMenuOptions) {
  const send = (command: MenuCommand) => {
    const target = BrowserWindow.getFocusedWindow() ?? getMainWindow();
    target?.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
  const template = buildMenuTemplate(send, { ...options, platform: process.platform });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
