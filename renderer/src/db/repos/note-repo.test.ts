import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { openTestDbWithDispute, snapshot } from '../testing/test-db';
import { createNote, deleteNote, noteToInput, updateNote } from './note-repo';

describe('note repository', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores an offer with its amount as a number and the privilege label by default', async () => {
    const note = await createNote(db, {
      disputeId,
      date: '2024-06-03',
      kind: 'offer',
      amount: '2,500,000',
      currency: 'usd',
      body: '**Lump sum**, worldwide',
    });
    expect(note).toMatchObject({
      amount: 2500000,
      currency: 'USD',
      privilege: 'attorney-client-work-product',
      recordsResolution: false,
      documentIds: [],
    });
    const audit = await db.audit.where('[entity+entityId]').equals(['note', note.id]).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a day that does not exist and an amount that is not a number, writing nothing', async () => {
    const before = await snapshot(db);
    await expect(
      createNote(db, { disputeId, date: '2023-02-30', kind: 'offer' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const error = await createNote(db, {
      disputeId,
      date: '2024-01-01',
      kind: 'offer',
      amount: 'abc',
      currency: 'EUR',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.amount).toMatch(/as a number/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('wants a currency with an amount', async () => {
    const error = await createNote(db, {
      disputeId,
      date: '2024-01-01',
      kind: 'offer',
      amount: 100,
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.currency).toMatch(/currency/);
    expect(await db.notes.count()).toBe(0);
  });

  it('audits an edit field by field and a deletion', async () => {
    const note = await createNote(db, { disputeId, date: '2024-06', kind: 'meeting', body: 'a' });
    const edited = await updateNote(db, note.id, { ...noteToInput(note), body: 'b', date: '' });
    expect(edited).toMatchObject({ body: 'b', date: '', createdAt: note.createdAt });
    await deleteNote(db, note.id);
    expect(await db.notes.count()).toBe(0);
    const audit = await db.audit.where('[entity+entityId]').equals(['note', note.id]).sortBy('seq');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'body', old: 'a', new: 'b' },
        { field: 'date', old: '2024-06', new: '' },
      ]),
    );
  });
});
