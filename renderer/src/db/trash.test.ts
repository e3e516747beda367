import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from './casefile-db';
import { createAssertion } from './repos/assertion-repo';
import { createDeadline } from './repos/deadline-repo';
import { deleteDispute } from './repos/dispute-repo';
import { createNote, deleteNote } from './repos/note-repo';
import { createPatent } from './repos/patent-repo';
import { createProceeding, deleteProceeding } from './repos/proceeding-repo';
import { openTestDbWithDispute, snapshot } from './testing/test-db';
import { purgeTrash, restoreFromTrash, RestoreError, trashCount, trashPage } from './trash';

describe('the trash', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute());
  });
  afterEach(async () => {
    await db.delete();
  });

  async function fill() {
    const proceeding = await createProceeding(db, { disputeId, forum: 'Munich Regional Court' });
    const patent = await createPatent(db, { number: 'EP 1 234 567' });
    await createAssertion(db, {
      disputeId,
      proceedingId: proceeding.id,
      patentId: patent.id,
      claims: '1-3',
    });
    await createNote(db, { disputeId, kind: 'offer', body: 'First offer' });
    await createDeadline(db, { disputeId, date: '2099-01-01', kind: 'hearing', title: 'Hearing' });
    return { proceeding };
  }

  /** Every table but the audit log, the trash and the search outbox, which record the delete and restore. */
  async function caseFiles() {
    const {
      audit: _audit,
      trash: _trash,
      searchOutbox: _outbox,
      // Derived from the records, and re-marked by the restore's writes.
      disputeFactsDirty: _marks,
      disputeFacts: _facts,
      ...rest
    } = await snapshot(db);
    return rest;
  }

  it('brings a deleted dispute back whole, with everything its delete took', async () => {
    await fill();
    const before = await caseFiles();
    const trashId = (await deleteDispute(db, disputeId))!;
    expect(await db.proceedings.count()).toBe(0);
    expect(await db.assertions.count()).toBe(0);
    const [entry] = await trashPage(db, { offset: 0, limit: 10 });
    expect(entry).toMatchObject({ id: trashId, entity: 'dispute', disputeId });
    expect(Object.keys(entry!.records).sort()).toEqual(
      ['assertions', 'deadlines', 'disputes', 'notes', 'proceedings'].sort(),
    );

    await restoreFromTrash(db, trashId);
    const after = await caseFiles();
    expect(after).toEqual(before);
    expect(await db.trash.count()).toBe(0);
    const actions = (await db.audit.orderBy('seq').toArray()).map((a) => a.action);
    expect(actions.slice(-1)).toEqual(['restore']);
    expect(actions).toContain('delete');
  });

  it('restores a proceeding with its assertions, and refuses a child whose dispute is gone', async () => {
    const { proceeding } = await fill();
    const proceedingTrash = (await deleteProceeding(db, proceeding.id))!;
    expect(await db.assertions.count()).toBe(0);
    await restoreFromTrash(db, proceedingTrash);
    expect(await db.assertions.count()).toBe(1);

    const note = (await db.notes.toArray())[0]!;
    const noteTrash = (await deleteNote(db, note.id))!;
    const disputeTrash = (await deleteDispute(db, disputeId))!;
    const unchanged = await snapshot(db);
    await expect(restoreFromTrash(db, noteTrash)).rejects.toThrow(RestoreError);
    expect(await snapshot(db)).toEqual(unchanged);
    await restoreFromTrash(db, disputeTrash);
    await restoreFromTrash(db, noteTrash);
    expect(await db.notes.count()).toBe(1);
  });

  it('pages newest first, per dispute too, and purges only what is older than 30 days', async () => {
    const now = Date.now();
    await db.trash.bulkAdd(
      Array.from({ length: 25 }, (_, i) => ({
        id: `t${i}`,
        deletedAt: new Date(now - i * 2 * 24 * 60 * 60 * 1000).toISOString(),
        entity: 'note',
        entityId: `n${i}`,
        disputeId: i % 2 === 0 ? disputeId : 'other',
        summary: `Deleted note “${i}”`,
        records: {},
        sha256s: [],
      })),
    );
    expect((await trashPage(db, { offset: 0, limit: 3 })).map((e) => e.id)).toEqual([
      't0',
      't1',
      't2',
    ]);
    expect((await trashPage(db, { offset: 3, limit: 2 })).map((e) => e.id)).toEqual(['t3', 't4']);
    expect((await trashPage(db, { disputeId, offset: 1, limit: 2 })).map((e) => e.id)).toEqual([
      't2',
      't4',
    ]);
    expect(await trashCount(db, disputeId)).toBe(13);
    // Deleted 0, 2, … 48 days ago: those over 30 days (16 … 24) go.
    expect(await purgeTrash(db, new Date(now), 4)).toBe(9);
    expect(await db.trash.count()).toBe(16);
    const audit = await db.audit.filter((a) => a.action === 'purge').toArray();
    expect(audit).toHaveLength(9);
    expect(audit[0]?.summary).toMatch(/^Purged note/);
  });
});
