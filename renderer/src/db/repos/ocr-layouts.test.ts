import { describe, expect, it } from 'vitest';
import { createOcrRunner, type PageReader } from '../../features/ocr/ocr-runner';
import { WorkerClientError } from '../../workers/worker-client';
import { fileToAttach, openTestDbWithDispute } from '../testing/test-db';
import { purgeTrash, restoreFromTrash } from '../trash';
import { attachDocument, deleteDocument } from './document-repo';
import { cancelOcr, queueScannedFiles, resumeOcr } from './ocr-repo';

const AFTER_THE_TRASH_DAYS = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);

/** Reads three pages, each with one word laid out; on `stopAt` the person cancels. */
function reader(stopAt: number | null, asked: number[], cancel?: () => Promise<void>): PageReader {
  return async (request) => {
    if (request.pageNumber === stopAt) {
      await cancel?.();
      throw new WorkerClientError('Cancelled.', 'cancelled');
    }
    asked.push(request.pageNumber);
    return {
      text: `page ${request.pageNumber}`,
      confidence: 90,
      pageCount: 3,
      layout: {
        width: 100,
        height: 100,
        words: [`page${request.pageNumber}`],
        lines: [0],
        boxes: [1, 2, 3, 4],
      },
    };
  };
}

describe('what OCR keeps about a deleted document', () => {
  it('keeps a half-read job while the document is in the trash, resumes it after a restore, and purges everything with the bytes', async () => {
    const { db, disputeId } = await openTestDbWithDispute();
    const file = fileToAttach('scanned bytes', 'scan.png', 'image/png');
    const document = await attachDocument(db, { disputeId, title: 'Scan' }, file);
    const sha = document.sha256;
    const asked: number[] = [];
    await createOcrRunner(db, [reader(2, asked, () => cancelOcr(db, sha))]).run();
    expect(asked).toEqual([1]);

    const trashId = (await deleteDocument(db, document.id))!;
    // Harmless while trashed: no scanned document, so the runner never picks it up...
    await createOcrRunner(db, [reader(null, asked)]).run();
    expect(asked).toEqual([1]);
    // ...and kept, so a restore resumes where it stopped, with page 1's words laid out.
    expect((await db.ocrJobs.get(sha))?.pages).toEqual(['page 1']);
    expect(await db.ocrLayouts.get([sha, 1])).toMatchObject({ words: ['page1'] });

    await restoreFromTrash(db, trashId);
    await resumeOcr(db, sha);
    await createOcrRunner(db, [reader(null, asked)]).run();
    expect(asked).toEqual([1, 2, 3]);
    expect((await db.documents.get(document.id))?.textStatus).toBe('extracted');
    expect(await db.ocrLayouts.count()).toBe(3);

    await deleteDocument(db, document.id);
    expect(await purgeTrash(db, AFTER_THE_TRASH_DAYS)).toBe(1);
    expect(await db.ocrLayouts.count()).toBe(0);
    expect(await db.documentTexts.get(sha)).toBeUndefined();
  });

  it('leaves no OCR job row behind once a deleted document’s bytes are purged', async () => {
    const { db, disputeId } = await openTestDbWithDispute();
    const kept = await attachDocument(
      db,
      { disputeId, title: 'Other scan' },
      fileToAttach('other bytes', 'other.png', 'image/png'),
    );
    const file = fileToAttach('scanned bytes', 'scan.png', 'image/png');
    const document = await attachDocument(db, { disputeId, title: 'Scan' }, file);
    await queueScannedFiles(db);
    await cancelOcr(db, kept.sha256);
    await createOcrRunner(db, [reader(2, [], () => cancelOcr(db, document.sha256))]).run();
    expect(await db.ocrJobs.get(document.sha256)).toMatchObject({ state: 'cancelled' });

    await deleteDocument(db, document.id);
    await purgeTrash(db, AFTER_THE_TRASH_DAYS);
    expect(await db.ocrJobs.get(document.sha256)).toBeUndefined();
    expect(await db.ocrLayouts.get([document.sha256, 1])).toBeUndefined();
    // Another file's job is its own.
    expect(await db.ocrJobs.get(kept.sha256)).toBeDefined();
  });
});
