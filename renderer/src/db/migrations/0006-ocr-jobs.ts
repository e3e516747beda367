/**
 * Version 6: the `ocrJobs` table, one row per file waiting for or part-way through OCR, with the
 * pages read so far, so OCR survives a restart and resumes at the next page. Indexed by state so
 * "what is queued" is one index read. Documents gain an `emailId` index (the attachments filed
 * with an e-mail). New table and index only: no record changes shape. Shipped; never edit.
 */
import type { Dexie } from 'dexie';
import { version1Stores } from './0001-initial';

/** The version this one follows (the lead re-chains this at merge). */
export const OCR_JOBS_PREVIOUS_VERSION = 5;
export const OCR_JOBS_VERSION = 6;

export default function version6(db: Dexie): void {
  db.version(OCR_JOBS_VERSION).stores({
    ocrJobs: 'sha256, state',
    documents: `${version1Stores.documents}, emailId`,
  });
}
