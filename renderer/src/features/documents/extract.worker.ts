/// <reference lib="webworker" />
/**
 * The text extraction worker: opens each PDF it is sent with pdf.js and answers the text of every
 * page, one file at a time. pdf.js parses in its own worker, started from here, so neither the
 * parsing nor the bookkeeping of a 1,000-page filing touches the page's thread.
 */
import * as pdfjs from 'pdfjs-dist';
// oxlint-disable-next-line import/default -- Vite answers a `?url` import with the asset's URL as default export.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { ExtractionResult } from '../../db/repos/document-repo';
import { oneAtATime } from '../../workers/one-at-a-time';
import { serveRequests } from '../../workers/worker-serve';
import { extractPdfText, type PageDone } from './pdf-text';

pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
// One file at a time; a file that fails fails alone.
const extract = oneAtATime((blob: Blob, progress: (page: PageDone) => void) =>
  extractPdfText(pdfjs, blob, progress),
);

serveRequests<Blob, ExtractionResult, PageDone>(
  self as unknown as DedicatedWorkerGlobalScope,
  (blob, { progress }) => extract(blob, progress),
);
