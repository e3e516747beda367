import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { attachDocument, documentText, type ExtractionResult } from '../../db/repos/document-repo';
import { fileToAttach, openTestDbWithDispute } from '../../db/testing/test-db';
import { createExtractionRunner, extractPendingTexts, type Extractor } from './extraction-runner';

function pdf(text: string) {
  return fileToAttach(`%PDF-1.7 ${text}`, `${text}.pdf`, 'application/pdf');
}

/** Pretends to be pdf.js: the "text" of a file is its bytes after the header. */
const fakeExtract: Extractor = async (blob) => ({
  textStatus: 'extracted',
  pageCount: 1,
  pages: [(await blob.text()).replace('%PDF-1.7 ', '')],
});

async function statuses(db: CasefileDb) {
  const documents = await db.documents.toArray();
  return Object.fromEntries(documents.map((d) => [d.title, d.textStatus]));
}

describe('text extraction bookkeeping', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute({ title: 'A v. B' }));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('extracts each pending file once, however many documents share it', async () => {
    const shared = pdf('shared');
    await attachDocument(db, { disputeId, title: 'One' }, shared);
    await attachDocument(db, { disputeId, title: 'Two' }, shared);
    await attachDocument(db, { disputeId, title: 'Other' }, pdf('other'));
    const extract = vi.fn<Extractor>(fakeExtract);
    expect(await extractPendingTexts(db, extract)).toBe(2);
    expect(extract).toHaveBeenCalledTimes(2);
    expect(await statuses(db)).toEqual({ One: 'extracted', Two: 'extracted', Other: 'extracted' });
    expect(await documentText(db, shared.sha256)).toEqual(['shared']);
  });

  it('resumes after an interrupted run: what was not finished is still pending', async () => {
    await attachDocument(db, { disputeId, title: 'First' }, pdf('first'));
    await attachDocument(db, { disputeId, title: 'Second' }, pdf('second'));
    // The app closes while the second file is being read: that extraction never answers.
    let calls = 0;
    const interrupted: Extractor = (blob) => {
      calls += 1;
      return calls === 1 ? fakeExtract(blob) : new Promise<ExtractionResult>(() => {});
    };
    void extractPendingTexts(db, interrupted);
    await vi.waitFor(async () => expect((await statuses(db)).First).toBe('extracted'));
    expect(await statuses(db)).toEqual({ First: 'extracted', Second: 'pending' });

    // The next start finds the second file waiting and finishes it, without redoing the first.
    const restarted = vi.fn<Extractor>(fakeExtract);
    expect(await extractPendingTexts(db, restarted)).toBe(1);
    expect(restarted).toHaveBeenCalledTimes(1);
    expect(await statuses(db)).toEqual({ First: 'extracted', Second: 'extracted' });
  });

  it('marks a file unreadable when the extractor fails or the bytes are missing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const crashing = pdf('crashing');
    const missing = pdf('missing');
    await attachDocument(db, { disputeId, title: 'Crashing' }, crashing);
    await attachDocument(db, { disputeId, title: 'Missing' }, missing);
    await db.files.delete(missing.sha256);
    const extract: Extractor = async () => {
      throw new Error('worker died');
    };
    await extractPendingTexts(db, extract);
    expect(await statuses(db)).toEqual({ Crashing: 'unreadable', Missing: 'unreadable' });
  });

  it('runs one pass at a time and catches documents attached during a pass', async () => {
    await attachDocument(db, { disputeId, title: 'Early' }, pdf('early'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const extract = vi.fn<Extractor>(async (blob: Blob) => {
      await gate;
      return fakeExtract(blob);
    });
    const runner = createExtractionRunner(db, extract);
    const first = runner.run();
    const second = runner.run();
    await vi.waitFor(() => expect(extract).toHaveBeenCalledTimes(1));
    await attachDocument(db, { disputeId, title: 'Late' }, pdf('late'));
    release();
    await Promise.all([first, second]);
    expect(extract).toHaveBeenCalledTimes(2);
    expect(await statuses(db)).toEqual({ Early: 'extracted', Late: 'extracted' });
  });
});
