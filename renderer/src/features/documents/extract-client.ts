/**
 * The page's side of the extraction worker, through the app's one worker client
 * (../../workers/worker-client.ts): an unexpected failure (the worker dying on a file, an answer
 * that cannot be sent) rejects what was waiting and the next request starts a fresh worker, so
 * no later request waits for ever. Each page's extraction time is left as a performance mark
 * (`casefile:text-page`), which is how the benchmark reads pages per second from the app as it
 * runs.
 */
import type { ExtractionResult } from '../../db/repos/document-repo';
import { createWorkerClient, type WorkerLike } from '../../workers/worker-client';
import type { Extractor } from './extraction-runner';
import type { PageDone } from './pdf-text';

export function createExtractClient(start: () => WorkerLike): Extractor {
  const client = createWorkerClient<Blob, ExtractionResult, PageDone>({
    start,
    label: 'the text extractor',
  });
  return (blob, onPage = () => {}) =>
    client.request(blob, {
      onProgress: (page) => {
        performance.mark('casefile:text-page', { detail: { ms: page.ms } });
        onPage(page);
      },
    });
}

export const extractInWorker: Extractor = createExtractClient(
  () =>
    new Worker(new URL('./extract.worker.ts', import.meta.url), {
      type: 'module',
      name: 'casefile-extract',
    }),
);
