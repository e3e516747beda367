/**
 * The OCR queue, kept in the database so it survives a restart: one `ocrJobs` row per file
 * (SHA-256) whose documents are "scanned — no text" (a PDF without a text layer, or an image).
 * Each page read is written to the row at once, so a cancelled or interrupted run resumes at the
 * next page; when the last page is read the text is stored through the document repository
 * (`recordOcrText`) and the row goes. Like extraction, this is bookkeeping about bytes, not a
 * change a person made, so it is not audited.
 */
import {
  ocrJobSchema,
  ocrLayoutSchema,
  type OcrJob,
  type OcrLayout,
} from '../../../../shared/domain/schemas';
import { ocrLanguagesFor } from '../../../../shared/domain/ocr-text';
import type { CasefileDb } from '../casefile-db';
import { nowIso } from '../entity-store';

/** Adds a queued job for every scanned file that has none; answers how many were added. */
export async function queueScannedFiles(db: CasefileDb): Promise<number> {
  return db.transaction('rw', [db.documents, db.ocrJobs], async () => {
    const scanned = await db.documents.where('textStatus').equals('scanned').toArray();
    const firstBySha = new Map<string, (typeof scanned)[number]>();
    for (const document of scanned) {
      if (!firstBySha.has(document.sha256)) firstBySha.set(document.sha256, document);
    }
    const existing = await db.ocrJobs.bulkGet([...firstBySha.keys()]);
    let added = 0;
    for (const [index, [sha256, document]] of [...firstBySha].entries()) {
      if (existing[index]) continue;
      const job: OcrJob = {
        sha256,
        state: 'queued',
        languages: ocrLanguagesFor(document.language),
        pageCount: document.pageCount && document.pageCount > 0 ? document.pageCount : null,
        pages: [],
        confidence: [],
        message: '',
        updatedAt: nowIso(),
      };
      await db.ocrJobs.add(ocrJobSchema.parse(job));
      added += 1;
    }
    return added;
  });
}

/**
 * The next queued job whose file still has a scanned document. A job left behind by documents
 * deleted (or read) meanwhile is dropped on the way.
 */
export async function nextOcrJob(
  db: CasefileDb,
  skip: ReadonlySet<string>,
): Promise<OcrJob | undefined> {
  for (const job of await db.ocrJobs.where('state').equals('queued').toArray()) {
    if (skip.has(job.sha256)) continue;
    const waiting = await db.documents
      .where('sha256')
      .equals(job.sha256)
      .and((d) => d.textStatus === 'scanned')
      .count();
    if (waiting > 0) return job;
    await db.ocrJobs.delete(job.sha256);
  }
  return undefined;
}

/**
 * Keeps one page's text, and where its words are (when the image's size was known), together;
 * ignored if the job was cancelled or removed meanwhile.
 */
export async function recordOcrPage(
  db: CasefileDb,
  sha256: string,
  page: {
    text: string;
    confidence: number;
    pageCount: number;
    layout?: Omit<OcrLayout, 'sha256' | 'page'>;
  },
): Promise<OcrJob | undefined> {
  return db.transaction('rw', [db.ocrJobs, db.ocrLayouts], async () => {
    const job = await db.ocrJobs.get(sha256);
    if (!job || job.state !== 'queued') return undefined;
    if (page.layout && page.layout.width > 0 && page.layout.height > 0) {
      const layout = { ...page.layout, sha256, page: job.pages.length + 1 };
      await db.ocrLayouts.put(ocrLayoutSchema.parse(layout));
    }
    const next: OcrJob = {
      ...job,
      pageCount: page.pageCount,
      pages: [...job.pages, page.text],
      confidence: [...job.confidence, Math.max(0, Math.min(100, page.confidence))],
      updatedAt: nowIso(),
    };
    await db.ocrJobs.put(ocrJobSchema.parse(next));
    return next;
  });
}

async function setState(
  db: CasefileDb,
  sha256: string,
  from: OcrJob['state'][],
  state: OcrJob['state'],
  message: string,
): Promise<void> {
  await db.transaction('rw', db.ocrJobs, async () => {
    const job = await db.ocrJobs.get(sha256);
    if (!job || !from.includes(job.state)) return;
    await db.ocrJobs.put({ ...job, state, message, updatedAt: nowIso() });
  });
}

/** Stops OCR of a file after the page being read; the pages read so far are kept. */
export function cancelOcr(db: CasefileDb, sha256: string): Promise<void> {
  return setState(db, sha256, ['queued'], 'cancelled', '');
}

/**
 * Puts a cancelled or failed file back in the queue, to resume at its next page. If no page was
 * read yet, the languages follow the document's language field again, so a person who cancels,
 * sets the language and resumes gets the file read in that language.
 */
export async function resumeOcr(db: CasefileDb, sha256: string): Promise<void> {
  await db.transaction('rw', [db.ocrJobs, db.documents], async () => {
    const job = await db.ocrJobs.get(sha256);
    if (!job || job.state === 'queued') return;
    // A file whose every page was read (and found empty) is read again from the start.
    const finished = job.pageCount !== null && job.pages.length >= job.pageCount;
    const pages = finished ? [] : job.pages;
    const confidence = finished ? [] : job.confidence;
    const document = await db.documents.where('sha256').equals(sha256).first();
    const languages =
      pages.length === 0 && document ? ocrLanguagesFor(document.language) : job.languages;
    await db.ocrJobs.put({
      ...job,
      state: 'queued',
      languages,
      pages,
      confidence,
      message: '',
      updatedAt: nowIso(),
    });
  });
}

export function failOcr(db: CasefileDb, sha256: string, message: string): Promise<void> {
  return setState(db, sha256, ['queued'], 'failed', message);
}
