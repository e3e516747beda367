/// <reference lib="webworker" />
/**
 * The OCR worker: renders one PDF page with pdf.js at the asked resolution on an OffscreenCanvas
 * (or takes an image as it is) and reads it with Tesseract. Served through `serveRequests`, so the
 * page talks to it with the one typed worker client (progress, cancel, timeouts).
 *
 * Tesseract's engine loads its WebAssembly core with `importScripts`, which only a classic worker
 * has; this worker is an ES module (as Vite builds every worker here), so tesseract.js starts its
 * own classic worker from here, from the script the app ships (`workerBlobURL: false`, so no blob:
 * script). Every path it loads (worker, core, language data) is a file served by the app itself:
 * nothing is fetched from the network, and the language data is not cached in a second database
 * (`cacheMethod: 'none'`; reading the local file again is quick). Cancelling ends Tesseract's
 * worker at once, since a recognition in progress cannot be interrupted otherwise; the next
 * request starts a fresh one.
 */
import * as pdfjs from 'pdfjs-dist';
// oxlint-disable-next-line import/default -- Vite answers a `?url` import with the asset's URL as default export.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { serveRequests, type RequestContext, type WorkerScope } from '../../workers/worker-serve';
import { openPdfBlob, type OpenedPdf } from '../documents/pdf-open';
import { layoutFromBlocks } from './ocr-layout';
import type { OcrPageResult, OcrProgress, OcrRequest } from './ocr-protocol';
import { isTiff, tiffPage, tiffPageCount } from './tiff-pages';

pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

let tesseract: { worker: TesseractWorker; languages: string } | null = null;
let onRecognising: ((fraction: number) => void) | null = null;
/** The PDF of the last request, kept open for the next page of the same file. */
let openPdf: { blob: Blob; opened: OpenedPdf } | null = null;

async function tesseractFor(request: OcrRequest): Promise<TesseractWorker> {
  const languages = request.languages.join('+');
  if (tesseract?.languages === languages) return tesseract.worker;
  if (tesseract) {
    await tesseract.worker.reinitialize(languages, OEM.LSTM_ONLY);
    tesseract.languages = languages;
    return tesseract.worker;
  }
  const base = request.assetsUrl.replace(/\/?$/, '/');
  const worker = await createWorker(languages, OEM.LSTM_ONLY, {
    workerPath: `${base}worker.min.js`,
    corePath: `${base}core`,
    langPath: `${base}lang`,
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
    logger: (message: { status: string; progress: number }) => {
      if (message.status === 'recognizing text') onRecognising?.(message.progress);
    },
  });
  tesseract = { worker, languages };
  return worker;
}

async function endTesseract() {
  const current = tesseract;
  tesseract = null;
  await current?.worker.terminate();
}

async function pdfFor(blob: Blob): Promise<OpenedPdf> {
  if (openPdf?.blob === blob) return openPdf.opened;
  await openPdf?.opened.close();
  openPdf = null;
  const opened = await openPdfBlob(pdfjs, blob);
  openPdf = { blob, opened };
  return opened;
}

type PageImage = { image: Blob; pageCount: number; width: number; height: number };

async function renderPage(request: OcrRequest): Promise<PageImage> {
  const { document } = await pdfFor(request.blob);
  const page = await document.getPage(request.pageNumber);
  try {
    const viewport = page.getViewport({ scale: request.dpi / 72 });
    const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d')!;
    // White under the page: a transparent background reads as black to Tesseract.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const image = await canvas.convertToBlob({ type: 'image/png' });
    return { image, pageCount: document.numPages, width: canvas.width, height: canvas.height };
  } finally {
    page.cleanup();
  }
}

/**
 * An image file's page: a TIFF may hold many (tiff-pages.ts); PNG and JPEG one, whose size the
 * browser reads from the file.
 */
async function imagePage(request: OcrRequest): Promise<PageImage> {
  const bytes = new Uint8Array(await request.blob.arrayBuffer());
  if (isTiff(bytes)) {
    const page = tiffPage(bytes, request.pageNumber);
    const image = new Blob([page.bytes as Uint8Array<ArrayBuffer>], { type: 'image/tiff' });
    return { image, pageCount: tiffPageCount(bytes), width: page.width, height: page.height };
  }
  const bitmap = await createImageBitmap(request.blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return { image: request.blob, pageCount: 1, ...size };
}

async function readPage(
  request: OcrRequest,
  { progress, signal }: RequestContext<OcrProgress>,
): Promise<OcrPageResult> {
  const abandon = () => void endTesseract();
  signal.addEventListener('abort', abandon);
  try {
    progress({ stage: 'loading', fraction: 0 });
    const worker = await tesseractFor(request);
    signal.throwIfAborted();
    progress({ stage: 'rendering', fraction: 0 });
    const { image, pageCount, width, height } =
      request.kind === 'pdf' ? await renderPage(request) : await imagePage(request);
    signal.throwIfAborted();
    onRecognising = (fraction) => progress({ stage: 'recognising', fraction });
    // `blocks` adds each word's box to the text: the preview lays the words over the scan.
    const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
    return {
      text: data.text,
      confidence: data.confidence,
      pageCount,
      layout: layoutFromBlocks(data.blocks, width, height),
    };
  } finally {
    onRecognising = null;
    signal.removeEventListener('abort', abandon);
  }
}

serveRequests<OcrRequest, OcrPageResult, OcrProgress>(self as unknown as WorkerScope, readPage);
