import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { filterDocuments, type DocumentRow } from './document-list';

function row(fields: Partial<CaseDocument>, text = ''): DocumentRow {
  const document = {
    id: fields.title ?? 'x',
    disputeId: 'd',
    proceedingId: null,
    title: 'Untitled',
    kind: 'other',
    filedOn: '',
    docketEntry: '',
    filedBy: '',
    language: '',
    privilege: 'none',
    notes: '',
    fileName: 'f.pdf',
    mimeType: 'application/pdf',
    size: 1,
    sha256: '0'.repeat(64),
    pageCount: null,
    textStatus: 'pending',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  } satisfies CaseDocument;
  return { document, text };
}

const rows = [
  row({ title: 'Complaint', kind: 'complaint', filedOn: '2023-03' }),
  row({ title: 'Answer', kind: 'answer', filedOn: '2023-06-01', filedBy: 'Xiaomi' }),
  row({ title: 'Undated letter', kind: 'correspondence' }),
  row({ title: 'Order on claim construction', kind: 'order', filedOn: '2024' }, 'the screen lock'),
];
const titles = (list: DocumentRow[]) => list.map((r) => r.document.title);

describe('the document list', () => {
  it('sorts by filed date either way, undated documents last', () => {
    expect(titles(filterDocuments(rows, { kind: 'all', words: '', sort: 'filed-desc' }))).toEqual([
      'Order on claim construction',
      'Answer',
      'Complaint',
      'Undated letter',
    ]);
    expect(titles(filterDocuments(rows, { kind: 'all', words: '', sort: 'filed-asc' }))).toEqual([
      'Complaint',
      'Answer',
      'Order on claim construction',
      'Undated letter',
    ]);
  });

  it('sorts by kind in the vocabulary’s order', () => {
    expect(titles(filterDocuments(rows, { kind: 'all', words: '', sort: 'kind' }))).toEqual([
      'Complaint',
      'Answer',
      'Order on claim construction',
      'Undated letter',
    ]);
  });

  it('filters by kind and by every word, including the extracted text', () => {
    expect(titles(filterDocuments(rows, { kind: 'order', words: '', sort: 'kind' }))).toEqual([
      'Order on claim construction',
    ]);
    expect(
      titles(filterDocuments(rows, { kind: 'all', words: 'SCREEN lock', sort: 'kind' })),
    ).toEqual(['Order on claim construction']);
    expect(titles(filterDocuments(rows, { kind: 'all', words: 'xiaomi', sort: 'kind' }))).toEqual([
      'Answer',
    ]);
    expect(filterDocuments(rows, { kind: 'answer', words: 'lock', sort: 'kind' })).toEqual([]);
  });
});
