/**
 * Opens a stored PDF with pdf.js without reading it whole: small files are handed over as bytes,
 * larger ones through a range transport that reads only the slices pdf.js asks for (the cross
 * reference table at the end, then the objects of the pages it needs), so the first page of a
 * 200 MB filing shows without loading 200 MB. Used by the preview and by the extraction worker.
 */
import type * as Pdfjs from 'pdfjs-dist';

type PdfjsModule = typeof Pdfjs;

/** Below this, reading the file whole is quicker than going back and forth for ranges. */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;
const RANGE_CHUNK_BYTES = 256 * 1024;

export type OpenedPdf = { document: Pdfjs.PDFDocumentProxy; close: () => Promise<void> };

/**
 * `worker`: a pdf.js worker to share (the preview's, started ahead of time); without it pdf.js
 * starts one for this document and ends it on close.
 */
export async function openPdfBlob(
  pdfjs: PdfjsModule,
  blob: Blob,
  worker?: Pdfjs.PDFWorker,
): Promise<OpenedPdf> {
  const task = await loadingTaskFor(pdfjs, blob, worker);
  try {
    return { document: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

async function loadingTaskFor(
  pdfjs: PdfjsModule,
  blob: Blob,
  worker: Pdfjs.PDFWorker | undefined,
): Promise<Pdfjs.PDFDocumentLoadingTask> {
  if (blob.size <= WHOLE_FILE_BYTES) {
    const data = new Uint8Array(await blob.arrayBuffer());
    return pdfjs.getDocument({ data, worker });
  }

  class BlobRangeTransport extends pdfjs.PDFDataRangeTransport {
    override requestDataRange(begin: number, end: number) {
      blob
        .slice(begin, end)
        .arrayBuffer()
        .then((buffer) => this.onDataRange(begin, new Uint8Array(buffer)))
        // A slice that cannot be read ends the document's loading; pdf.js then reports the error.
        .catch(() => this.abort());
    }
  }
  // Reading the head first also proves the bytes are there before pdf.js starts asking.
  const head = new Uint8Array(await blob.slice(0, RANGE_CHUNK_BYTES).arrayBuffer());
  const transport = new BlobRangeTransport(blob.size, head);
  return pdfjs.getDocument({
    range: transport,
    worker,
    rangeChunkSize: RANGE_CHUNK_BYTES,
    disableAutoFetch: true,
    disableStream: true,
  });
}
