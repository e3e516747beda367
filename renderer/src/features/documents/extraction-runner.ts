/**
 * The bookkeeping around text extraction. The database is the queue: a document waits while its
 * textStatus is 'pending', and the result is written in one transaction for every document with
 * the same bytes. Nothing is held in memory between runs, so extraction interrupted by closing
 * the app simply finds the same pending documents at the next start and carries on.
 */
import type { CasefileDb } from '../../db/casefile-db';
import {
  documentBlob,
  pendingExtractions,
  recordExtraction,
  type ExtractionResult,
} from '../../db/repos/document-repo';
import { onePassAtATime } from '../../workers/one-at-a-time';
import type { PageDone } from './pdf-text';

export type Extractor = (
  blob: Blob,
  onPage?: (page: PageDone) => void,
) => Promise<ExtractionResult>;

const UNREADABLE: ExtractionResult = { textStatus: 'unreadable', pageCount: null, pages: [] };

/** Extracts every pending file once; answers how many files were done. */
export async function extractPendingTexts(
  db: CasefileDb,
  extract: Extractor,
  onPage?: (page: PageDone) => void,
): Promise<number> {
  const tried = new Set<string>();
  for (;;) {
    const sha256 = (await pendingExtractions(db)).find((candidate) => !tried.has(candidate));
    if (sha256 === undefined) return tried.size;
    tried.add(sha256);
    const blob = await documentBlob(db, sha256);
    let result = UNREADABLE;
    if (blob) {
      try {
        result = await extract(blob, onPage);
      } catch (error) {
        // The extractor itself failed (its worker died on this file): marking the file
        // unreadable keeps the next start from tripping over it again.
        console.error('Casefile could not extract the text of a file', error);
      }
    }
    await recordExtraction(db, sha256, result);
  }
}

export type ExtractionRunner = { run(): Promise<void> };

/**
 * One extraction pass at a time. Asking while a pass runs schedules one more pass after it, so
 * documents attached meanwhile are not missed and none is extracted twice in parallel.
 */
export function createExtractionRunner(
  db: CasefileDb,
  extract: Extractor,
  onPage?: (page: PageDone) => void,
): ExtractionRunner {
  return { run: onePassAtATime(() => extractPendingTexts(db, extract, onPage)) };
}
