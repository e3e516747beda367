/// <reference lib="webworker" />
/**
 * The text extraction worker: opens each PDF it is sent with pdf.js and answers the text of every
 * page, one file at a time. pdf.js parses in its own worker, started from here, so neither the
 * parsing nor the bookkeeping of a 1,000-page filing touches the page's thread.
 */
import * as pdfjs from 'pdfjs-dist';
// oxlint-disable-next-line import/default -- Vite answers a `?url` import with the asset's URL as default export.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { ExtractRequest, ExtractResponse } from './extract-protocol';
import { extractPdfText } from './pdf-text';

const scope = self as unknown as DedicatedWorkerGlobalScope;
pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
let queue = Promise.resolve();

function reply(message: ExtractResponse) {
  scope.postMessage(message);
}

scope.addEventListener('message', (event: MessageEvent<ExtractRequest>) => {
  const { id, blob } = event.data;
  queue = queue.then(async () => {
    const result = await extractPdfText(pdfjs, blob, (page) =>
      reply({ id, type: 'page', ...page }),
    );
    reply({ id, type: 'done', result });
  });
});
