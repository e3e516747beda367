import { describe, expect, it } from 'vitest';
import type { CaseDocument, Note } from '../../../../shared/domain/schemas';
import { noteRecord, openTestDb } from '../../db/testing/test-db';
import { byNoteDate, filterNotes, formatAmount, listNotes } from './note-queries';

function note(id: string, extra: Partial<Note>): Note {
  return noteRecord({
    id,
    disputeId: 'd1',
    date: '2024-01-01',
    title: '',
    createdAt: `2024-01-01T00:00:0${id.length}.000Z`,
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  });
}

describe('notes of a dispute', () => {
  const notes = [
    note('a', {
      kind: 'offer',
      body: 'We offered a **lump sum** for Europe.',
      amount: 2500000,
      currency: 'EUR',
    }),
    note('bb', { date: '2024-03', kind: 'counter-offer', body: 'They want a _running royalty_.' }),
    note('ccc', { date: '', kind: 'call', title: 'Call with mediator', participants: 'Jane Roe' }),
  ];

  it('lists the newest first and undated notes last', () => {
    expect([...notes].sort(byNoteDate).map((n) => n.id)).toEqual(['bb', 'a', 'ccc']);
  });

  it('finds notes by their words, whatever the Markdown around them, and by kind', () => {
    const ids = (text: string, kind: string | null = null) =>
      filterNotes(notes, { text, kind }).map((n) => n.id);
    expect(ids('lump sum')).toEqual(['a']);
    expect(ids('ROYALTY running')).toEqual(['bb']);
    expect(ids('jane')).toEqual(['ccc']);
    expect(ids('offer')).toEqual(['a', 'bb']);
    expect(ids('', 'counter-offer')).toEqual(['bb']);
    expect(ids('europe', 'call')).toEqual([]);
    expect(ids('')).toEqual(['a', 'bb', 'ccc']);
  });

  it('formats amounts with their currency', () => {
    expect(formatAmount(2500000, 'EUR', 'en-GB')).toBe('€2,500,000.00');
    expect(formatAmount(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
  });

  it('names the documents a note cites, only those of its own dispute that still exist', async () => {
    const db = openTestDb();
    const document = (id: string, disputeId: string) =>
      ({ id, disputeId, title: `Filing ${id}` }) as CaseDocument;
    await db.documents.bulkPut([document('x', 'd1'), document('y', 'd2'), document('z', 'd1')]);
    await db.notes.bulkPut([
      note('a', { documentIds: ['x', 'y', 'gone'] }),
      note('bb', { date: '2024-03', documentIds: ['x'] }),
      note('other', { disputeId: 'd2', documentIds: ['y'] }),
    ]);
    const listed = await listNotes(db, 'd1');
    expect(listed.map((n) => [n.id, n.documents])).toEqual([
      ['bb', [{ id: 'x', title: 'Filing x' }]],
      ['a', [{ id: 'x', title: 'Filing x' }]],
    ]);
    db.close();
  });
});
