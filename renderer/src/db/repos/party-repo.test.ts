import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../casefile-db';
import { openTestDb, snapshot } from '../testing/test-db';
import { createDispute } from './dispute-repo';
import { createOrganisation, findOrCreateOrganisation } from './organisation-repo';
import { addParty, updateParty } from './party-repo';

describe('parties and organisations', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('shares one organisation across disputes, matched regardless of case and spacing', async () => {
    const first = await findOrCreateOrganisation(db, { name: 'Xiaomi Corporation' });
    const again = await findOrCreateOrganisation(db, { name: '  xiaomi   corporation ' });
    expect(again.id).toBe(first.id);
    expect(await db.organisations.count()).toBe(1);
  });

  it('refuses a second organisation of the same name', async () => {
    await createOrganisation(db, { name: 'Huawei Technologies Co., Ltd.' });
    const before = await snapshot(db);
    await expect(createOrganisation(db, { name: 'HUAWEI Technologies Co., Ltd.' })).rejects.toThrow(
      /already in your case files/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('links an organisation to a dispute once, with role and outside counsel', async () => {
    const dispute = await createDispute(db, {
      title: 'A v. B',
      ourRole: 'defendant',
      status: 'active',
    });
    const org = await createOrganisation(db, { name: 'A Corp' });
    const party = await addParty(db, {
      disputeId: dispute.id,
      organisationId: org.id,
      role: 'plaintiff',
      outsideCounsel: 'Example LLP',
    });
    expect(party.outsideCounsel).toBe('Example LLP');
    await expect(
      addParty(db, { disputeId: dispute.id, organisationId: org.id, role: 'defendant' }),
    ).rejects.toThrow(/already a party/);
    const updated = await updateParty(db, party.id, { ...party, role: 'claimant' });
    expect(updated.role).toBe('claimant');
  });

  it('refuses a party for an organisation that does not exist', async () => {
    const dispute = await createDispute(db, {
      title: 'A v. B',
      ourRole: 'defendant',
      status: 'active',
    });
    const before = await snapshot(db);
    await expect(
      addParty(db, { disputeId: dispute.id, organisationId: 'missing', role: 'plaintiff' }),
    ).rejects.toThrow(/Choose an organisation/);
    expect(await snapshot(db)).toEqual(before);
  });
});
