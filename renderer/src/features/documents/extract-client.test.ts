import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../db/repos/document-repo';
import { inProcessWorker, type InProcessWorker } from '../../workers/testing/in-process-worker';
import { createExtractClient } from './extract-client';
import type { PageDone } from './pdf-text';

const started: InProcessWorker[] = [];
afterEach(() => {
  for (const worker of started.splice(0)) worker.terminate();
});

const textOf = async (blob: Blob): Promise<ExtractionResult> => ({
  textStatus: 'extracted',
  pageCount: 1,
  pages: [await blob.text()],
});

type Handle = (blob: Blob, progress: (page: PageDone) => void) => Promise<ExtractionResult>;

function client(handle: Handle) {
  return createExtractClient(() => {
    const worker = inProcessWorker<Blob, ExtractionResult, PageDone>((blob, { progress }) =>
      handle(blob, progress),
    );
    started.push(worker);
    return worker;
  });
}

describe('the text extractor’s client', () => {
  it('answers each file’s text and reports its pages', async () => {
    const pages: PageDone[] = [];
    const extract = client(async (blob, progress) => {
      progress({ pageNumber: 1, pageCount: 1, ms: 3 });
      return textOf(blob);
    });
    await expect(extract(new Blob(['first filing']), (page) => pages.push(page))).resolves.toEqual({
      textStatus: 'extracted',
      pageCount: 1,
      pages: ['first filing'],
    });
    expect(pages).toEqual([{ pageNumber: 1, pageCount: 1, ms: 3 }]);
  });

  it('keeps serving after an unexpected failure (a close() that throws)', async () => {
    let calls = 0;
    const extract = client(async (blob) => {
      calls += 1;
      if (calls === 1) throw new Error('close() failed');
      return textOf(blob);
    });
    const first = extract(new Blob(['one']));
    const second = extract(new Blob(['two']));
    await expect(first).rejects.toThrow('close() failed');
    await expect(second).resolves.toMatchObject({ pages: ['two'] });
  });

  it('answers with an error, not silence, when the result cannot be sent back', async () => {
    const extract = client(
      async () => ({ pages: [() => 'not cloneable'] }) as unknown as ExtractionResult,
    );
    await expect(extract(new Blob(['x']))).rejects.toThrow('could not be sent back');
  });

  it('rejects every waiting file when the worker dies, then serves the next from a fresh one', async () => {
    let first = true;
    const extract = createExtractClient(() => {
      const stuck = first;
      first = false;
      const worker = inProcessWorker<Blob, ExtractionResult, PageDone>((blob) =>
        stuck ? new Promise<ExtractionResult>(() => {}) : textOf(blob),
      );
      started.push(worker);
      return worker;
    });
    const waiting = [extract(new Blob(['a'])), extract(new Blob(['b']))];
    started[0]!.crash();
    for (const request of waiting) {
      await expect(request).rejects.toThrow('The text extractor stopped unexpectedly');
    }
    await expect(extract(new Blob(['c']))).resolves.toMatchObject({ pages: ['c'] });
    expect(started).toHaveLength(2);
  });
});
