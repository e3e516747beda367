/**
 * pdf.js for the page, loaded only when a dispute's documents are shown so it stays out of the
 * main bundle. Parsing runs in pdf.js's own worker, served from the app's origin (the CSP allows
 * 'self'). One worker serves every preview of the run and is started ahead of the first one
 * (`warmPdfWorker`), since starting it (fetching and compiling about 1 MB of script) is most of
 * the wait before page 1 of a large filing shows.
 */
import * as pdfjs from 'pdfjs-dist';
// oxlint-disable-next-line import/default -- Vite answers a `?url` import with the asset's URL as default export.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

let shared: pdfjs.PDFWorker | null = null;

/** The page's one pdf.js worker, started on first call; documents opened with it share it. */
export function pdfWorker(): pdfjs.PDFWorker {
  if (!shared || shared.destroyed) shared = new pdfjs.PDFWorker();
  return shared;
}

/** Starts the worker now, so the first preview does not wait for it. */
export function warmPdfWorker(): void {
  pdfWorker();
}

export { pdfjs };
