import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { documentRecord, openTestDb } from '../../db/testing/test-db';
import {
  filterDocuments,
  loadDocumentRows,
  orderDocumentRows,
  type DocumentRow,
} from './document-list';
import { sortInSlices } from './sort-in-slices';

function row(fields: Partial<CaseDocument>, text = ''): DocumentRow {
  return {
    document: documentRecord({ id: fields.title ?? 'x', title: 'Untitled', ...fields }),
    text,
  };
}

const rows = [
  row({ title: 'Complaint', kind: 'complaint', filedOn: '2023-03' }),
  row({ title: 'Answer', kind: 'answer', filedOn: '2023-06-01', filedBy: 'Xiaomi' }),
  row({ title: 'Undated letter', kind: 'correspondence' }),
  row({ title: 'Order on claim construction', kind: 'order', filedOn: '2024' }, 'the screen lock'),
];
const titles = (list: DocumentRow[]) => list.map((r) => r.document.title);

describe('the document list', () => {
  it('sorts by filed date either way, undated documents last', async () => {
    expect(titles(await orderDocumentRows(rows, 'filed-desc'))).toEqual([
      'Order on claim construction',
      'Answer',
      'Complaint',
      'Undated letter',
    ]);
    expect(titles(await orderDocumentRows(rows, 'filed-asc'))).toEqual([
      'Complaint',
      'Answer',
      'Order on claim construction',
      'Undated letter',
    ]);
  });

  it('sorts by kind in the vocabulary’s order, and one date’s filings by title, numbers by value', async () => {
    expect(titles(await orderDocumentRows(rows, 'kind'))).toEqual([
      'Complaint',
      'Answer',
      'Order on claim construction',
      'Undated letter',
    ]);
    const sameDay = ['Exhibit 10', 'exhibit 2', 'Exhibit 1'].map((title) =>
      row({ title, kind: 'exhibit', filedOn: '2024-02-01' }),
    );
    expect(titles(await orderDocumentRows(sameDay, 'filed-desc'))).toEqual([
      'Exhibit 1',
      'exhibit 2',
      'Exhibit 10',
    ]);
  });

  it('filters by kind and by every word, including the extracted text, keeping the order', () => {
    expect(titles(filterDocuments(rows, { kind: 'order', words: '' }))).toEqual([
      'Order on claim construction',
    ]);
    expect(titles(filterDocuments(rows, { kind: 'all', words: 'SCREEN lock' }))).toEqual([
      'Order on claim construction',
    ]);
    expect(titles(filterDocuments(rows, { kind: 'all', words: 'xiaomi' }))).toEqual(['Answer']);
    expect(filterDocuments(rows, { kind: 'answer', words: 'lock' })).toEqual([]);
    expect(titles(filterDocuments(rows, { kind: 'all', words: ' ' }))).toEqual(titles(rows));
  });

  it('reads every document of a dispute past one read, once each, and sees a change to the last', async () => {
    const db = openTestDb();
    const oneRead = 40;
    // More than one read's worth for this dispute, and another dispute's documents interleaved.
    const ids = (dispute: string, count: number) =>
      Array.from({ length: count }, (_, i) => `doc-${String(i).padStart(4, '0')}-${dispute}`);
    const mine = ids('d', 97);
    await db.documents.bulkAdd([
      ...mine.map((id) => row({ title: id, disputeId: 'd' }).document),
      ...ids('e', 60).map((id) => row({ title: id, disputeId: 'e' }).document),
    ]);
    const read = (count: number) => loadDocumentRows(db, 'd', count);
    expect((await read(oneRead)).map((r) => r.document.id)).toEqual(mine);
    expect((await read(mine.length)).map((r) => r.document.id)).toEqual(mine);
    expect((await read(mine.length + 1)).map((r) => r.document.id)).toEqual(mine);

    const seen: string[][] = [];
    const subscription = liveQuery(() => read(oneRead)).subscribe((answer) =>
      seen.push(answer.map((r) => r.document.title)),
    );
    await expect.poll(() => seen.length).toBe(1);
    await db.documents.update(mine.at(-1)!, { title: 'Renamed last filing' });
    await expect.poll(() => seen.at(-1)?.at(-1)).toBe('Renamed last filing');
    expect(seen.at(-1)).toHaveLength(mine.length);
    subscription.unsubscribe();

    // Sorted a slice at a time after the read, as the tab's query is: the window is given back
    // between slices, and the live query still hears a change to what it read.
    const sorted: string[][] = [];
    const byTitle = (a: DocumentRow, b: DocumentRow) =>
      a.document.title < b.document.title ? 1 : -1;
    const sorting = liveQuery(async () =>
      sortInSlices(await read(oneRead), byTitle, { sliceMs: 0 }),
    ).subscribe((answer) => sorted.push(answer.map((r) => r.document.title)));
    await expect.poll(() => sorted.length).toBe(1);
    expect(sorted[0]).toEqual([...seen.at(-1)!].sort().reverse());
    await db.documents.update(mine[0]!, { title: 'zz First filing renamed' });
    await expect.poll(() => sorted.at(-1)?.[0]).toBe('zz First filing renamed');
    sorting.unsubscribe();
    db.close();
  });
});
