import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisputeInput } from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { openTestDb, snapshot } from '../testing/test-db';
import { createAssertion } from './assertion-repo';
import { createDispute, deleteDispute, disputeToInput, updateDispute } from './dispute-repo';
import { createNote } from './note-repo';
import { createOrganisation } from './organisation-repo';
import { addParty } from './party-repo';
import { createPatent } from './patent-repo';
import { createProceeding } from './proceeding-repo';

const huawei: DisputeInput = {
  title: 'Huawei v. Xiaomi',
  ourRole: 'observer',
  status: 'active',
  openedOn: '2023-03',
};

describe('dispute repository', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('creates a dispute with defaults and audits its creation', async () => {
    const dispute = await createDispute(db, huawei);
    expect(dispute).toMatchObject({
      title: 'Huawei v. Xiaomi',
      summary: '',
      tags: [],
      privilege: 'attorney-client-work-product',
      resolution: null,
    });
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'dispute', action: 'create', disputeId: dispute.id });
    expect(audit[0]!.changes.map((c) => c.field)).toContain('title');
  });

  it('records only the changed fields, old and new, on update', async () => {
    const dispute = await createDispute(db, huawei);
    await updateDispute(db, dispute.id, {
      ...disputeToInput(dispute),
      status: 'settled',
      resolution: { kind: 'cross-licence', licence: { territory: 'Global' } },
    });
    const entries = await db.audit.orderBy('seq').toArray();
    const update = entries[1]!;
    expect(update.action).toBe('update');
    expect(update.changes.map((c) => c.field)).toEqual(['beforeOutcome', 'resolution', 'status']);
    expect(update.changes.find((c) => c.field === 'status')).toEqual({
      field: 'status',
      old: 'active',
      new: 'settled',
    });
    const stored = await db.disputes.get(dispute.id);
    expect(stored?.resolution?.licence?.territory).toBe('Global');
  });

  it('refuses invalid data and leaves the database exactly as it was', async () => {
    const dispute = await createDispute(db, huawei);
    const before = await snapshot(db);
    await expect(createDispute(db, { ...huawei, title: '   ' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      updateDispute(db, dispute.id, { ...huawei, openedOn: '2023-02-30' }),
    ).rejects.toThrow(/real date/);
    await expect(
      updateDispute(db, dispute.id, { ...huawei, openedOn: '2024', closedOn: '2023-05' }),
    ).rejects.toThrow(/cannot close before/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the failing field for the form', async () => {
    const error = await createDispute(db, { ...huawei, title: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.title).toMatch(/Give the dispute a title/);
  });

  it('deletes a dispute with its parties, proceedings, assertions and notes in one step', async () => {
    const dispute = await createDispute(db, huawei);
    const other = await createDispute(db, { ...huawei, title: 'Other v. Xiaomi' });
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation' });
    await addParty(db, { disputeId: dispute.id, organisationId: xiaomi.id, role: 'defendant' });
    await addParty(db, { disputeId: other.id, organisationId: xiaomi.id, role: 'defendant' });
    const proceeding = await createProceeding(db, { disputeId: dispute.id, country: 'China' });
    const patent = await createPatent(db, { technology: 'Screen lock' });
    await createAssertion(db, {
      disputeId: dispute.id,
      proceedingId: proceeding.id,
      patentId: patent.id,
      claims: '1-5, 9',
    });
    await createNote(db, {
      disputeId: dispute.id,
      date: '2023-03-01',
      kind: 'internal-assessment',
    });

    await deleteDispute(db, dispute.id);

    expect(await db.disputes.get(dispute.id)).toBeUndefined();
    expect(await db.proceedings.count()).toBe(0);
    expect(await db.assertions.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect(await db.disputeParties.where('disputeId').equals(other.id).count()).toBe(1);
    expect(await db.organisations.count()).toBe(1);
    expect(await db.patents.count()).toBe(1);
    const deletions = await db.audit.where('disputeId').equals(dispute.id).toArray();
    expect(deletions.filter((e) => e.action === 'delete').map((e) => e.entity)).toEqual(
      expect.arrayContaining(['dispute', 'party', 'proceeding', 'assertion', 'note']),
    );
  });

  it('keeps the dispute’s last change current when a child changes', async () => {
    const dispute = await createDispute(db, huawei);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await createProceeding(db, { disputeId: dispute.id, country: 'China' });
    const stored = await db.disputes.get(dispute.id);
    expect(stored!.updatedAt > dispute.updatedAt).toBe(true);
  });
});
