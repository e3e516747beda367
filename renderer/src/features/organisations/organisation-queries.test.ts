import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { createDispute } from '../../db/repos/dispute-repo';
import { createOrganisation } from '../../db/repos/organisation-repo';
import { mergeOrganisations, undoMerge } from '../../db/repos/organisation-merge';
import { addParty } from '../../db/repos/party-repo';
import { createPatent } from '../../db/repos/patent-repo';
import { openTestDb, snapshot } from '../../db/testing/test-db';
import {
  checkName,
  describeConflicts,
  organisationSummary,
  organisationLinks,
} from './organisation-queries';

describe('organisations across disputes', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  async function dispute(title: string, ourRole: 'plaintiff' | 'defendant' = 'plaintiff') {
    return createDispute(db, { title, ourRole, status: 'active' });
  }

  it('describes an organisation’s other disputes and roles at a glance', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation' });
    const disputes = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((t) => dispute(t)));
    for (const d of disputes.slice(0, 4)) {
      await addParty(db, { disputeId: d.id, organisationId: xiaomi.id, role: 'defendant' });
    }
    await addParty(db, {
      disputeId: disputes[4]!.id,
      organisationId: xiaomi.id,
      role: 'defendant',
      ourSide: true,
    });
    const links = await organisationLinks(db, xiaomi.id);
    expect(describeConflicts(links, disputes[0]!.id)).toBe(
      'Counterparty in 3 other disputes, co-defendant with us in 1',
    );
    expect(describeConflicts(links.slice(0, 2), disputes[0]!.id)).toBe(
      'Counterparty in 1 other dispute',
    );
    expect(describeConflicts([], 'x')).toBe('');
  });

  it('checks a name loosely against names and aliases', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation', aliases: ['小米'] });
    await createOrganisation(db, { name: 'Xiaomi Communications Co., Ltd.' });
    await createOrganisation(db, { name: 'Huawei Technologies Co., Ltd.' });
    const d = await dispute('Huawei v. Xiaomi', 'plaintiff');
    await addParty(db, { disputeId: d.id, organisationId: xiaomi.id, role: 'defendant' });

    const matches = await checkName(db, 'XIAOMI corp.');
    expect(matches.map((m) => m.organisation.name)).toEqual([
      'Xiaomi Corporation',
      'Xiaomi Communications Co., Ltd.',
    ]);
    expect(matches[0]!.links.map((l) => l.dispute.title)).toEqual(['Huawei v. Xiaomi']);
    const chinese = await checkName(db, '小米有限公司');
    expect(chinese.map((m) => [m.organisation.name, m.matchedBy])).toEqual([
      ['Xiaomi Corporation', '小米'],
    ]);
    expect(await checkName(db, 'Nokia Oy')).toEqual([]);
  });

  it('merges two records of one company in one audited step, and undoes it exactly', async () => {
    const corp = await createOrganisation(db, { name: 'Xiaomi Corporation' });
    const short = await createOrganisation(db, { name: 'Xiaomi Corp', aliases: ['小米'] });
    const a = await dispute('Huawei v. Xiaomi');
    const b = await dispute('Nokia v. Xiaomi');
    await addParty(db, { disputeId: a.id, organisationId: corp.id, role: 'defendant' });
    await addParty(db, {
      disputeId: b.id,
      organisationId: short.id,
      role: 'defendant',
      outsideCounsel: 'King & Wood Mallesons',
    });
    await createPatent(db, { number: 'ZL 2019 1 0123456.7', ownerId: short.id });
    const before = await snapshot(db);
    const auditBefore = before.audit!.length;

    const receipt = await mergeOrganisations(db, corp.id, short.id);
    expect(await db.organisations.get(short.id)).toBeUndefined();
    expect(await db.organisations.get(corp.id)).toMatchObject({
      aliases: ['Xiaomi Corp', '小米'],
      matchKeys: ['xiaomi', '小米'],
    });
    const row = await organisationSummary(db, (await db.organisations.get(corp.id))!, 10);
    expect(row!.links.map((l) => l.dispute.title)).toEqual(['Huawei v. Xiaomi', 'Nokia v. Xiaomi']);
    expect(row!.counsel).toEqual(['King & Wood Mallesons']);
    expect((await db.patents.toArray())[0]!.ownerId).toBe(corp.id);
    const audit = (await db.audit.toArray()).slice(auditBefore).map((e) => e.summary);
    expect(audit).toContain('Merged “Xiaomi Corp” into “Xiaomi Corporation”');
    expect(audit).toContain('Deleted “Xiaomi Corp”: merged into “Xiaomi Corporation”');

    await undoMerge(db, receipt);
    const after = await snapshot(db);
    // Every organisation, party and patent exactly as before; the log keeps both steps.
    for (const table of ['organisations', 'disputeParties', 'patents']) {
      expect(after[table]).toEqual(before[table]);
    }
    expect(after.audit!.length).toBeGreaterThan(auditBefore + 4);
  });

  it('refuses to merge two parties to one dispute, and an undo after a later change', async () => {
    const corp = await createOrganisation(db, { name: 'Xiaomi Corporation' });
    const short = await createOrganisation(db, { name: 'Xiaomi Corp' });
    const a = await dispute('Huawei v. Xiaomi');
    await addParty(db, { disputeId: a.id, organisationId: corp.id, role: 'defendant' });
    const party = await addParty(db, {
      disputeId: a.id,
      organisationId: short.id,
      role: 'defendant',
    });
    const before = await snapshot(db);
    await expect(mergeOrganisations(db, corp.id, short.id)).rejects.toThrow(
      /both parties to “Huawei v. Xiaomi”/,
    );
    expect(await snapshot(db)).toEqual(before);

    await db.disputeParties.delete(party.id);
    const b = await dispute('Other');
    await addParty(db, { disputeId: b.id, organisationId: short.id, role: 'defendant' });
    const receipt = await mergeOrganisations(db, corp.id, short.id);
    await createOrganisation(db, { name: 'Unrelated' });
    const [link] = await db.disputeParties.where('disputeId').equals(b.id).toArray();
    await db.disputeParties.update(link!.id, {
      notes: 'Changed later',
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    });
    await expect(undoMerge(db, receipt)).rejects.toThrow(/cannot be undone.*Nothing was undone/);
  });
});
