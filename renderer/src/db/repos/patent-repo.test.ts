import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../casefile-db';
import { openTestDb, snapshot } from '../testing/test-db';
import { createDispute } from './dispute-repo';
import { assertPatent, createPatent, updatePatent } from './patent-repo';
import { createProceeding, deleteProceeding } from './proceeding-repo';

describe('patents and assertions', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  async function disputeWithProceeding() {
    const dispute = await createDispute(db, {
      title: 'A v. B',
      ourRole: 'plaintiff',
      status: 'active',
    });
    const proceeding = await createProceeding(db, {
      disputeId: dispute.id,
      forum: 'Munich Regional Court',
      country: 'Germany',
    });
    return { dispute, proceeding };
  }

  it('asserts a patent in a proceeding and reuses a patent already on file', async () => {
    const { dispute, proceeding } = await disputeWithProceeding();
    const first = await assertPatent(
      db,
      { number: 'EP 1 234 567', jurisdiction: 'EP', technology: 'Video coding', sep: true },
      { disputeId: dispute.id, proceedingId: proceeding.id, claims: '1-5, 9' },
    );
    const appeal = await createProceeding(db, {
      disputeId: dispute.id,
      forum: 'Munich Higher Regional Court',
      country: 'Germany',
    });
    const second = await assertPatent(
      db,
      { number: 'EP 1 234 567', jurisdiction: 'EP' },
      { disputeId: dispute.id, proceedingId: appeal.id, claims: '12' },
    );
    expect(second.patent.id).toBe(first.patent.id);
    expect(await db.patents.count()).toBe(1);
    expect(await db.assertions.count()).toBe(2);
  });

  it('refuses the same patent asserted twice in one proceeding, by the proceeding field', async () => {
    const { dispute, proceeding } = await disputeWithProceeding();
    const assertion = { disputeId: dispute.id, proceedingId: proceeding.id, claims: '1' };
    await assertPatent(db, { number: 'EP 1 234 567', jurisdiction: 'EP' }, assertion);
    const before = await snapshot(db);
    await expect(
      assertPatent(db, { number: 'EP 1 234 567', jurisdiction: 'EP' }, assertion),
    ).rejects.toMatchObject({
      fieldErrors: { proceedingId: expect.stringContaining('already asserted in this proceeding') },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses claims that are not numbers and ranges, storing neither patent nor assertion', async () => {
    const { dispute, proceeding } = await disputeWithProceeding();
    const before = await snapshot(db);
    await expect(
      assertPatent(
        db,
        { number: 'US 9,999,999', jurisdiction: 'US' },
        { disputeId: dispute.id, proceedingId: proceeding.id, claims: 'one to five' },
      ),
    ).rejects.toThrow(/numbers and ranges/);
    await expect(
      assertPatent(
        db,
        { number: 'US 9,999,999', jurisdiction: 'US' },
        { disputeId: dispute.id, proceedingId: proceeding.id, claims: '5-1' },
      ),
    ).rejects.toThrow(/low to high/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a patent with neither number, title nor technology', async () => {
    const { dispute, proceeding } = await disputeWithProceeding();
    await expect(
      assertPatent(db, {}, { disputeId: dispute.id, proceedingId: proceeding.id }),
    ).rejects.toThrow(/number/);
  });

  it('deleting a proceeding removes its assertions but keeps the patent', async () => {
    const { dispute, proceeding } = await disputeWithProceeding();
    await assertPatent(
      db,
      { technology: 'Screen lock' },
      { disputeId: dispute.id, proceedingId: proceeding.id },
    );
    await deleteProceeding(db, proceeding.id);
    expect(await db.assertions.count()).toBe(0);
    expect(await db.patents.count()).toBe(1);
  });

  it('treats one patent number however written as one patent, and refuses a second record of it', async () => {
    const { dispute, proceeding } = await disputeWithProceeding();
    const first = await assertPatent(
      db,
      { number: 'US 10,123,456 B2', jurisdiction: 'US' },
      { disputeId: dispute.id, proceedingId: proceeding.id },
    );
    expect(first.patent).toMatchObject({ number: 'US 10,123,456 B2', numberKey: 'US10123456' });
    const elsewhere = await disputeWithProceeding();
    const second = await assertPatent(
      db,
      { number: '10123456', jurisdiction: 'US' },
      { disputeId: elsewhere.dispute.id, proceedingId: elsewhere.proceeding.id },
    );
    expect(second.patent.id).toBe(first.patent.id);
    const other = await createPatent(db, { number: 'US 7,654,321', jurisdiction: '' });
    expect(other.jurisdiction).toBe('US');
    const before = await snapshot(db);
    await expect(
      updatePatent(db, other.id, { number: 'US10123456', jurisdiction: 'US' }),
    ).rejects.toThrow(/US 10,123,456 B2 is already on file as another patent/);
    await expect(createPatent(db, { number: 'banana', jurisdiction: 'US' })).rejects.toThrow(
      /Not a valid US patent number/,
    );
    await expect(createPatent(db, { number: '1234567', jurisdiction: 'Narnia' })).rejects.toThrow(
      /Choose the jurisdiction from the list/,
    );
    expect(await snapshot(db)).toEqual(before);
    // Patents without numbers stay valid, as many as there are.
    await createPatent(db, { title: 'Screen lock' });
    await createPatent(db, { title: 'Photography' });
    expect(await db.patents.where('numberKey').equals('US10123456').count()).toBe(1);
  });
});
