/**
 * The main Casefile window. It opens where the person left it (window-state.ts), stays hidden
 * until its first paint so a counsel never sees a blank white frame, and loads the app from
 * `casefile://app/` (the Vite dev server while developing).
 */
import { APP_INDEX_URL, createHardenedWindow } from './security';
import { DEFAULT_WINDOW, MIN_WINDOW, type WindowState } from './window-state';

export type MainWindowOptions = {
  preloadPath: string;
  isDev: boolean;
  /** The dev server's address; used only when `isDev`. */
  rendererUrl?: string | undefined;
  /** Where and how large to open, already clamped to a display (window-state.ts). */
  state?: WindowState | undefined;
};

export function createMainWindow({ preloadPath, isDev, rendererUrl, state }: MainWindowOptions) {
  const bounds = state ?? { ...DEFAULT_WINDOW, maximized: false };
  const window = createHardenedWindow(
    {
      ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
      width: bounds.width,
      height: bounds.height,
      minWidth: MIN_WINDOW.width,
      minHeight: MIN_WINDOW.height,
      show: false,
      title: 'Casefile',
    },
    preloadPath,
  );
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  const url = isDev && rendererUrl !== undefined ? rendererUrl : APP_INDEX_URL;
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Casefile could not load ${url}`, error);
  });
  return window;
}
