/**
 * Runs the OCR queue (db/repos/ocr-repo.ts): one page per request, each page's text written to
 * its job at once, the whole text stored through the document repository when the last page is
 * read. At most `workers` files are read at the same time (one by default), each by its own
 * worker. Cancelling marks the job and aborts the page being read; the pages already read stay,
 * and resuming (or the next start of the app) carries on at the next page.
 */
import { cleanOcrText } from '../../../../shared/domain/ocr-text';
import type { OcrJob } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { documentBlob, isPdf, recordOcrText } from '../../db/repos/document-repo';
import {
  cancelOcr,
  failOcr,
  nextOcrJob,
  queueScannedFiles,
  recordOcrPage,
} from '../../db/repos/ocr-repo';
import { onePassAtATime } from '../../workers/one-at-a-time';
import { WorkerClientError } from '../../workers/worker-client';
import type { OcrPageResult, OcrProgress, OcrRequest } from './ocr-protocol';

export type PageReader = (
  request: Pick<OcrRequest, 'blob' | 'kind' | 'pageNumber' | 'languages'>,
  options: { signal: AbortSignal; onProgress?: (progress: OcrProgress) => void },
) => Promise<OcrPageResult>;

export type OcrRunner = {
  /** Queues scanned files and reads until the queue is empty. */
  run(): Promise<void>;
  /** Cancels a file's OCR (queued or being read). */
  cancel(sha256: string): Promise<void>;
};

export function createOcrRunner(db: CasefileDb, readers: PageReader[]): OcrRunner {
  const reading = new Map<string, AbortController>();

  async function readFile(read: PageReader, job: OcrJob): Promise<void> {
    const controller = new AbortController();
    reading.set(job.sha256, controller);
    try {
      const blob = await documentBlob(db, job.sha256);
      if (!blob) {
        await failOcr(db, job.sha256, 'The file’s bytes are missing, so it could not be read.');
        return;
      }
      const documents = await db.documents.where('sha256').equals(job.sha256).toArray();
      const kind = documents.some((d) => isPdf(d.mimeType, d.fileName)) ? 'pdf' : 'image';
      let current: OcrJob = job;
      while (current.pageCount === null || current.pages.length < current.pageCount) {
        const pageNumber = current.pages.length + 1;
        const started = performance.now();
        const result = await read(
          { blob, kind, pageNumber, languages: [...current.languages] as OcrRequest['languages'] },
          { signal: controller.signal },
        );
        performance.mark('casefile:ocr-page', {
          detail: { ms: performance.now() - started, languages: current.languages.join('+') },
        });
        const next = await recordOcrPage(db, job.sha256, {
          text: cleanOcrText(result.text),
          confidence: result.confidence,
          pageCount: result.pageCount,
          layout: result.layout,
        });
        if (!next) return; // cancelled or gone meanwhile
        current = next;
      }
      if (current.pages.every((page) => page === '')) {
        // Blank pages or pictures: say so and keep the file marked "scanned", rather than
        // calling an empty result "text extracted".
        await failOcr(db, job.sha256, 'No text found by OCR in this file.');
        return;
      }
      await recordOcrText(db, job.sha256, current.pages, current.confidence);
    } catch (error) {
      if (error instanceof WorkerClientError && error.reason === 'cancelled') return;
      const detail = error instanceof Error ? error.message : String(error);
      await failOcr(db, job.sha256, `The text could not be read: ${detail}`);
    } finally {
      reading.delete(job.sha256);
    }
  }

  async function lane(read: PageReader): Promise<void> {
    for (;;) {
      const job = await nextOcrJob(db, new Set(reading.keys()));
      if (!job) return;
      await readFile(read, job);
    }
  }

  return {
    run: onePassAtATime(async () => {
      await queueScannedFiles(db);
      await Promise.all(readers.map((read) => lane(read)));
    }),
    async cancel(sha256) {
      await cancelOcr(db, sha256);
      reading.get(sha256)?.abort();
    },
  };
}
