/**
 * What OCR keeps about a file besides its text: the job (ocr-repo.ts) and, per page, where each
 * word was found (the preview's text layer). Kept apart from ocr-repo.ts so the trash can forget
 * a purged file's OCR without importing the write path it is part of.
 */
import { Dexie } from 'dexie';
import type { OcrLayout } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../casefile-db';

/** Where OCR found the words of one page of a file, if it was read by OCR. */
export function ocrPageLayout(
  db: CasefileDb,
  sha256: string,
  page: number,
): Promise<OcrLayout | undefined> {
  return db.ocrLayouts.get([sha256, page]);
}

/**
 * Removes what OCR keeps about a file (its job, with any pages read, and its word layouts). For
 * the purge of the file's bytes: while a document using them is in the trash they stay, so a
 * restored document resumes its OCR where it stopped and keeps its text layer. Call inside a
 * transaction covering `ocrJobs` and `ocrLayouts`.
 */
export async function forgetOcr(db: CasefileDb, sha256: string): Promise<void> {
  await db.ocrJobs.delete(sha256);
  await db.ocrLayouts
    .where('[sha256+page]')
    .between([sha256, Dexie.minKey], [sha256, Dexie.maxKey])
    .delete();
}
