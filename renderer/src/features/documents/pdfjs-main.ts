/**
 * pdf.js for the page, loaded only when a PDF is previewed so it stays out of the main bundle.
 * Parsing runs in pdf.js's own worker, served from the app's origin (the CSP allows 'self').
 */
import * as pdfjs from 'pdfjs-dist';
// oxlint-disable-next-line import/default -- Vite answers a `?url` import with the asset's URL as default export.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

export { pdfjs };
