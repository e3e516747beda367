/**
 * The page's side of the OCR worker, through the one typed worker client. A page has ten
 * minutes: a worker silent for longer is stuck, and is restarted.
 */
import { createWorkerClient, type WorkerClient } from '../../workers/worker-client';
import type { OcrPageResult, OcrProgress, OcrRequest } from './ocr-protocol';

export type OcrClient = WorkerClient<OcrRequest, OcrPageResult, OcrProgress>;

/** One client = one worker; the runner holds as many as it may run at once. */
export function createOcrClient(): OcrClient {
  return createWorkerClient<OcrRequest, OcrPageResult, OcrProgress>({
    label: 'the text recogniser (OCR)',
    timeoutMs: 10 * 60 * 1000,
    start: () =>
      new Worker(new URL('./ocr.worker.ts', import.meta.url), {
        type: 'module',
        name: 'casefile-ocr',
      }),
  });
}

/** Where the app serves Tesseract's worker, core and language data (renderer/tesseract-assets.ts). */
export function tesseractAssetsUrl(): string {
  return new URL('tesseract/', document.baseURI).href;
}
