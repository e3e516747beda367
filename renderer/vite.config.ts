/**
 * The renderer's Vite config, used as is by electron-vite for the desktop build and by plain Vite
 * for `web:dev` / `web:preview`: one build, so the end-to-end suite tests the renderer that ships.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { tesseractAssets } from './tesseract-assets';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/** Adds the CSP meta tag to the built page (the dev server's HMR needs inline scripts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'casefile-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Where the browser build goes. The desktop build always uses out/renderer; a developer running
 * several end-to-end suites side by side can give each its own folder (CASEFILE_WEB_OUT).
 */
const webOutDir = process.env.CASEFILE_WEB_OUT ?? 'out/renderer';

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), contentSecurityPolicy(), tesseractAssets()],
  build: {
    outDir: fileURLToPath(new URL(`../${webOutDir}`, import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // electron-vite leaves the renderer unminified unless told; a third of the bytes to parse
    // is a faster start for every window, including the hidden print window.
    minify: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: fileURLToPath(new URL('./index.html', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: { port: Number(process.env.CASEFILE_E2E_PORT ?? 4173), strictPort: true },
};

export default defineConfig(rendererConfig);
