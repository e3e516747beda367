/**
 * The desktop build, with explicit entries: the main process as ESM (package.json says
 * "type": "module"), the preload as one self-contained CommonJS file (a sandboxed preload can
 * require nothing but `electron`, so its dependencies, zod included, are bundled into it), and
 * the renderer built with the renderer's own Vite config, so the desktop app ships exactly the
 * renderer the browser end-to-end tests exercise.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      rolldownOptions: {
        input: { index: fromRoot('electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: fromRoot('renderer'),
    build: {
      ...rendererConfig.build,
      outDir: fromRoot('out/renderer'),
      rolldownOptions: {
        ...rendererConfig.build?.rolldownOptions,
        input: fromRoot('renderer/index.html'),
      },
    },
  },
});
