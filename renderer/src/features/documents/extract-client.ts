/**
 * The page's side of the extraction worker. Each page's extraction time is left as a performance
 * mark (`casefile:text-page`), which is how the benchmark reads pages per second from the app as
 * it runs.
 */
import type { ExtractionResult } from '../../db/repos/document-repo';
import type { ExtractRequest, ExtractResponse } from './extract-protocol';
import type { Extractor } from './extraction-runner';
import type { PageDone } from './pdf-text';

type Pending = {
  resolve: (result: ExtractionResult) => void;
  reject: (error: Error) => void;
  onPage: (page: PageDone) => void;
};

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker {
  const started = new Worker(new URL('./extract.worker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-extract',
  });
  started.addEventListener('message', (event: MessageEvent<ExtractResponse>) => {
    const message = event.data;
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === 'page') {
      performance.mark('casefile:text-page', { detail: { ms: message.ms } });
      job.onPage(message);
      return;
    }
    pending.delete(message.id);
    job.resolve(message.result);
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    for (const job of pending.values()) job.reject(new Error('The text extractor stopped.'));
    pending.clear();
    started.terminate();
    worker = null;
  });
  return started;
}

export const extractInWorker: Extractor = (blob, onPage = () => {}) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onPage });
    worker ??= startWorker();
    const request: ExtractRequest = { id, blob };
    worker.postMessage(request);
  });
