import { describe, expect, it } from 'vitest';
import { attachDocument } from '../../db/repos/document-repo';
import { cancelOcr, resumeOcr } from '../../db/repos/ocr-repo';
import { fileToAttach, openTestDbWithDispute } from '../../db/testing/test-db';
import { WorkerClientError } from '../../workers/worker-client';
import { createOcrRunner, type PageReader } from './ocr-runner';
import type { OcrPageLayout } from './ocr-protocol';

/** What a reader answers for a page whose image size it did not know: no text layer. */
const layout: OcrPageLayout = { width: 0, height: 0, words: [], lines: [], boxes: [] };

async function withScan(language = '') {
  const { db, disputeId } = await openTestDbWithDispute();
  const file = fileToAttach('scanned bytes', 'scan.png', 'image/png');
  const document = await attachDocument(db, { disputeId, title: 'Scan', language }, file);
  return { db, document };
}

describe('the OCR runner', () => {
  it('reads every page, cleans the text and stores it marked as OCR', async () => {
    const { db, document } = await withScan('Chinese');
    expect(document.textStatus).toBe('scanned');
    const asked: unknown[] = [];
    const read: PageReader = async (request) => {
      asked.push({ page: request.pageNumber, languages: request.languages, kind: request.kind });
      return {
        text: `专 利 page ${request.pageNumber}`,
        confidence: 90 + request.pageNumber,
        pageCount: 2,
        layout: {
          width: 2480,
          height: 3508,
          words: ['专', '利', 'page', String(request.pageNumber)],
          lines: [0],
          boxes: [10, 20, 40, 50, 41, 20, 70, 50, 80, 20, 150, 50, 160, 20, 180, 50],
        },
      };
    };
    await createOcrRunner(db, [read]).run();
    expect(asked).toEqual([
      { page: 1, languages: ['chi_sim'], kind: 'image' },
      { page: 2, languages: ['chi_sim'], kind: 'image' },
    ]);
    expect(await db.documentTexts.get(document.sha256)).toEqual({
      sha256: document.sha256,
      pages: ['专利 page 1', '专利 page 2'],
      source: 'ocr',
      confidence: [91, 92],
    });
    expect(await db.documents.get(document.id)).toMatchObject({
      textStatus: 'extracted',
      pageCount: 2,
    });
    expect(await db.ocrJobs.count()).toBe(0);
    // Each page's words and boxes are kept for the preview's text layer, page by page.
    expect(await db.ocrLayouts.get([document.sha256, 2])).toMatchObject({
      width: 2480,
      words: ['专', '利', 'page', '2'],
      boxes: [10, 20, 40, 50, 41, 20, 70, 50, 80, 20, 150, 50, 160, 20, 180, 50],
    });
  });

  it('stops on cancel, keeps the pages read, and resumes at the next page', async () => {
    const { db, document } = await withScan();
    let runner: ReturnType<typeof createOcrRunner>;
    let abortedOnCancel = false;
    const read: PageReader = async (request, { signal }) => {
      if (request.pageNumber === 2) {
        await runner.cancel(document.sha256);
        abortedOnCancel = signal.aborted;
        throw new WorkerClientError('Cancelled.', 'cancelled');
      }
      return { text: `page ${request.pageNumber}`, confidence: 80, pageCount: 3, layout };
    };
    runner = createOcrRunner(db, [read]);
    await runner.run();
    expect(abortedOnCancel).toBe(true);
    expect(await db.ocrJobs.get(document.sha256)).toMatchObject({
      state: 'cancelled',
      pages: ['page 1'],
      pageCount: 3,
      languages: ['eng', 'chi_sim'],
    });

    const pagesAsked: number[] = [];
    const resumed = createOcrRunner(db, [
      async (request) => {
        pagesAsked.push(request.pageNumber);
        return { text: `page ${request.pageNumber}`, confidence: 80, pageCount: 3, layout };
      },
    ]);
    await resumeOcr(db, document.sha256);
    await resumed.run();
    expect(pagesAsked).toEqual([2, 3]);
    expect((await db.documentTexts.get(document.sha256))?.pages).toEqual([
      'page 1',
      'page 2',
      'page 3',
    ]);
  });

  it('says so when OCR finds no text, and when the reader fails', async () => {
    const { db, document } = await withScan();
    await createOcrRunner(db, [
      async () => ({ text: '  \n', confidence: 0, pageCount: 1, layout }),
    ]).run();
    expect(await db.ocrJobs.get(document.sha256)).toMatchObject({
      state: 'failed',
      message: 'No text found by OCR in this file.',
    });
    expect((await db.documents.get(document.id))?.textStatus).toBe('scanned');

    await resumeOcr(db, document.sha256);
    await createOcrRunner(db, [
      async () => {
        throw new Error('The text recogniser (OCR) stopped unexpectedly. Try again.');
      },
    ]).run();
    expect((await db.ocrJobs.get(document.sha256))?.message).toMatch(/stopped unexpectedly/);
    await cancelOcr(db, document.sha256); // a failed job is not "cancelled"
    expect((await db.ocrJobs.get(document.sha256))?.state).toBe('failed');
  });
});
