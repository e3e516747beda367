/**
 * Casefile's main process: the app's lifecycle and the wiring of its parts. The order matters and
 * is deliberate. The data folder becomes `userData` before anything else, because it decides where
 * IndexedDB lives and which single-instance lock is taken (one database, one process). The
 * `casefile://` scheme and the sandbox are set up before the app is ready, as Chromium requires.
 * Everything else waits for `ready`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, shell } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../../shared/ipc';
import { createAttachmentHandlers } from './attachments';
import { createBackupStore } from './backups/backup-store';
import { installContextMenu } from './context-menu';
import { createQuitBackup } from './backups/quit-backup';
import { writeFileAtomic } from './atomic-write';
import { resolveDataDir } from './data-dir';
import { createHandlers } from './handlers';
import { createSaveStream } from './save-stream';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { bundlePathsIn, createOpenedBundles } from './opened-bundles';
import { createPassphraseStore } from './passphrase-store';
import { createPrintHandlers } from './printing';
import { cleanUpAtQuit } from './quit-cleanup';
import { registerAppScheme, serveRenderer } from './protocol';
import { watchRendererHealth } from './renderer-health';
import { configureSpellcheck } from './spellcheck';
import {
  APP_INDEX_URL,
  createHardenedWindow,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isDevelopmentMode,
  openExternalSafely,
  resolveDevServerUrl,
} from './security';
import { createMainWindow } from './window';
import { clampToDisplays, readWindowState, stateOf } from './window-state';

const PRODUCT_NAME = 'Casefile';
// The build puts main, preload and renderer side by side under out/.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

const dataDir = resolveDataDir({
  argv: process.argv,
  env: process.env,
  appDataDir: app.getPath('appData'),
});
const devServerUrl = resolveDevServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const isDev = isDevelopmentMode(devServerUrl);

if (useDataDir(dataDir)) {
  registerAppScheme();
  hardenWebContents(app, { devServerUrl });
  if (app.requestSingleInstanceLock()) {
    run();
  } else {
    // Another Casefile already has this data folder open; it has been asked to come forward.
    app.quit();
  }
}

function useDataDir(folder: string) {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    dialog.showErrorBox(
      'Casefile cannot open its data folder',
      `${folder}\n\n${(error as Error).message}\n\nStart Casefile with --data-dir <folder> to use another folder.`,
    );
    app.exit(1);
    return false;
  }
  app.setPath('userData', folder);
  return true;
}

function run() {
  let mainWindow: BrowserWindow | null = null;
  const getMainWindow = () => (mainWindow?.isDestroyed() === false ? mainWindow : null);

  const windowStateFile = join(dataDir, 'window-state.json');
  const openMainWindow = () => {
    const primary = screen.getPrimaryDisplay();
    const displays = [primary, ...screen.getAllDisplays().filter(({ id }) => id !== primary.id)];
    const window = createMainWindow({
      preloadPath,
      isDev,
      rendererUrl: devServerUrl,
      state: clampToDisplays(
        readWindowState(windowStateFile),
        displays.map(({ workArea }) => workArea),
      ),
    });
    installContextMenu(window.webContents);
    watchRendererHealth(window, { dialog, quit: () => app.quit() });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.on('close', (event) => {
      try {
        writeFileSync(windowStateFile, JSON.stringify(stateOf(window)));
      } catch (error) {
        console.warn('Casefile could not remember where its window was', error);
      }
      quitBackup.onWindowClose(event, process.platform);
    });
    mainWindow = window;
  };

  // Bundles opened with Casefile: on this command line, from a second start, or (macOS) open-file,
  // which can arrive before the app is ready. The renderer also asks once when it has loaded.
  const openedBundles = createOpenedBundles({
    notify: () => {
      const window = getMainWindow();
      if (window && !window.webContents.isLoading()) {
        window.webContents.send(MENU_COMMAND_CHANNEL, 'open-bundle-file');
      }
    },
  });
  openedBundles.add(bundlePathsIn(process.argv.slice(1)));
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openedBundles.add(bundlePathsIn([path]));
  });

  const attachments = createAttachmentHandlers({
    shell,
    leftoversFile: join(dataDir, 'temporary-copies-left-behind.json'),
  });
  // Copies a viewer still held when the last run quit.
  void attachments.removeLeftoverCopies();

  const backups = createBackupStore({ dataDir });
  backups.removeStaleTemporaryFiles().catch((error: unknown) => {
    console.error('Casefile could not tidy its backups folder', error);
  });
  const quitBackup = createQuitBackup({
    askRendererToPrepare: () => {
      const window = getMainWindow();
      if (!window || window.webContents.isCrashed()) return false;
      window.webContents.send(MENU_COMMAND_CHANNEL, 'prepare-to-quit');
      return true;
    },
    quit: () => app.quit(),
    // A renderer that is alive answers at once; one still starting or stuck never keeps Casefile open.
    ackTimeoutMs: 4000,
    // Long enough for a large backup; a second quit meanwhile asks the person.
    timeoutMs: 10 * 60 * 1000,
    confirmQuitDuringBackup: async () => {
      const options = {
        type: 'question' as const,
        buttons: ['Keep backing up', 'Quit without finishing'],
        defaultId: 0,
        cancelId: 0,
        message: 'Quit without finishing the backup?',
        detail:
          'The backup on quit is still being written. If you quit now it is not kept; your case files are not affected.',
      };
      const window = getMainWindow();
      const { response } = await (window
        ? dialog.showMessageBox(window, options)
        : dialog.showMessageBox(options));
      return response === 1;
    },
  });
  app.on('before-quit', (event) => quitBackup.onBeforeQuit(event));
  const saveStream = createSaveStream({
    dialog,
    downloadsDir: app.getPath('downloads'),
    getMainWindow,
  });
  cleanUpAtQuit(app, [
    // The temporary copies opened in other apps go with the run that made them.
    { name: 'temporary copies', run: () => attachments.removeTemporaryCopies() },
    { name: 'unfinished backups', run: () => backups.abortAll() },
    // A save cut short by quitting leaves no partial file beside the person's own.
    { name: 'unfinished saves', run: () => saveStream.abortAll() },
  ]);

  const handlers = createHandlers({
    app: {
      name: PRODUCT_NAME,
      version: app.getVersion(),
      platform: process.platform,
      downloadsDir: app.getPath('downloads'),
    },
    dataDir,
    dialog,
    shell,
    openExternalSafely,
    fs: { writeFileAtomic },
    getMainWindow,
    attachments,
    backups: backups.handlers,
    passphrases: createPassphraseStore({
      safeStorage,
      platform: process.platform,
      file: join(dataDir, 'backup-passphrase.sealed'),
      writeFileAtomic,
    }),
    saveStream: saveStream.handlers,
    openedBundles: openedBundles.handlers,
    quitReady: () => quitBackup.ready(),
    quitPreparing: (backingUp) => quitBackup.acknowledged(backingUp),
    print: createPrintHandlers({
      // Hidden: the person sees the save or print dialog, never the page being rendered.
      createWindow: () =>
        createHardenedWindow({ show: false, width: 1000, height: 1400 }, preloadPath),
      pageUrl: isDev && devServerUrl !== undefined ? devServerUrl : APP_INDEX_URL,
      dialog,
      downloadsDir: app.getPath('downloads'),
      writeFileAtomic,
      getMainWindow,
    }),
  });

  const revealDataFolder = () => {
    handlers['data:reveal-folder']({}).catch((error: unknown) => {
      console.error('Casefile could not show the data folder', error);
      dialog.showErrorBox('Casefile could not show the data folder', dataDir);
    });
  };

  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: `About ${PRODUCT_NAME}`,
      message: `${PRODUCT_NAME} ${app.getVersion()}`,
      detail: `Offline case files for patent disputes.\n\nData folder: ${dataDir}`,
    };
    const window = getMainWindow();
    (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)).catch(
      (error: unknown) => console.error('Casefile could not show the About box', error),
    );
  };

  app.on('second-instance', (_event, argv) => {
    openedBundles.add(bundlePathsIn(argv.slice(1)));
    const window = getMainWindow();
    if (!window) {
      if (app.isReady()) openMainWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('window-all-closed', () => {
    // On macOS an app stays open without windows until the person quits it.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, { devServerUrl });
      configureSpellcheck(session.defaultSession, {
        platform: process.platform,
        userDataDir: dataDir,
      });
      serveRenderer(rendererDir);
      registerIpcHandlers(ipcMain, handlers, {
        isTrustedSender: (url) => isAppUrl(url, devServerUrl),
      });
      installApplicationMenu({ isDev, getMainWindow, revealDataFolder, showAbout });
      openMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Casefile could not start', error);
      dialog.showErrorBox(
        'Casefile could not start',
        'Something went wrong while starting. Details are in the log.',
      );
      app.exit(1);
    });
}
