/**
 * The main Casefile window. It stays hidden until its first paint so a counsel never sees a blank
 * white frame, and it loads the app from `casefile://app/` (the Vite dev server while developing).
 */
import { APP_INDEX_URL, createHardenedWindow } from './security';

export type MainWindowOptions = {
  preloadPath: string;
  isDev: boolean;
  /** The dev server's address; used only when `isDev`. */
  rendererUrl?: string | undefined;
};

export function createMainWindow({ preloadPath, isDev, rendererUrl }: MainWindowOptions) {
  const window = createHardenedWindow(
    {
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 640,
      show: false,
      title: 'Casefile',
    },
    preloadPath,
  );
  window.once('ready-to-show', () => {
    window.show();
  });
  const url = isDev && rendererUrl !== undefined ? rendererUrl : APP_INDEX_URL;
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Casefile could not load ${url}`, error);
  });
  return window;
}
