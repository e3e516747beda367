/**
 * Ships Tesseract inside the app: its worker script, its WebAssembly cores (the LSTM-only builds,
 * with and without SIMD, since tesseract.js picks one by what the machine supports) and the
 * `4.0.0_best_int` English and Chinese (simplified) language data, copied into the build under
 * `tesseract/` and served there by the dev server, so OCR never fetches anything from the network.
 * They are plain copies, not hashed imports, because tesseract.js builds the file names itself
 * (`<langPath>/<lang>.traineddata.gz`, `<corePath>/tesseract-core-….wasm.js`).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Output path under `tesseract/` → file on disk. */
export function tesseractFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('worker.min.js', join(packageDir('tesseract.js'), 'dist', 'worker.min.js'));
  const core = packageDir('tesseract.js-core');
  for (const variant of ['lstm', 'simd-lstm', 'relaxedsimd-lstm']) {
    const name = `tesseract-core-${variant}.wasm.js`;
    files.set(`core/${name}`, join(core, name));
  }
  for (const lang of ['eng', 'chi_sim']) {
    const name = `${lang}.traineddata.gz`;
    files.set(
      `lang/${name}`,
      join(packageDir(`@tesseract.js-data/${lang}`), '4.0.0_best_int', name),
    );
  }
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.gz': 'application/gzip',
};

export function tesseractAssets(): Plugin {
  const files = tesseractFiles();
  return {
    name: 'casefile-tesseract-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /\/tesseract\/(.+)$/.exec((request.url ?? '').split('?')[0]!);
        const file = match ? files.get(match[1]!) : undefined;
        if (!file) {
          next();
          return;
        }
        response.setHeader(
          'Content-Type',
          CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
        );
        createReadStream(file).pipe(response);
      });
    },
    generateBundle() {
      for (const [path, file] of files) {
        this.emitFile({ type: 'asset', fileName: `tesseract/${path}`, source: readFileSync(file) });
      }
    },
  };
}
