import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sampleJson from '../../../../resources/sample/sample-case-file.json';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../../db/casefile-db';
import { deleteDispute } from '../../db/repos/dispute-repo';
import { openTestDb, snapshot } from '../../db/testing/test-db';
import { loadSampleCaseFile, SAMPLE_DISPUTE_TITLE } from './load-sample';

/** A deep copy of the shipped file, to spoil in one place. */
function sampleCopy(): typeof sampleJson {
  return structuredClone(sampleJson);
}

describe('the sample case file', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  async function huaweiXiaomi() {
    const dispute = await db.disputes.where('title').equals(SAMPLE_DISPUTE_TITLE).first();
    if (!dispute) throw new Error('The sample dispute was not loaded.');
    return dispute;
  }

  it('holds Huawei v. Xiaomi as the announcement tells it, and nothing more', async () => {
    await loadSampleCaseFile(db);
    const dispute = await huaweiXiaomi();
    expect(dispute).toMatchObject({
      ourRole: 'observer',
      status: 'settled',
      openedOn: '2023-03',
      closedOn: '',
      privilege: 'none',
    });

    const parties = await db.disputeParties.where('disputeId').equals(dispute.id).toArray();
    const roles = await Promise.all(
      parties.map(async (party) => ({
        name: (await db.organisations.get(party.organisationId))?.name,
        role: party.role,
        outsideCounsel: party.outsideCounsel,
      })),
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        { name: 'Huawei Technologies Co., Ltd.', role: 'plaintiff', outsideCounsel: '' },
        { name: 'Xiaomi Corporation', role: 'defendant', outsideCounsel: '' },
      ]),
    );
    expect(roles).toHaveLength(2);

    const proceedings = await db.proceedings.where('disputeId').equals(dispute.id).toArray();
    expect(proceedings).toHaveLength(1);
    expect(proceedings[0]).toMatchObject({
      kind: 'infringement',
      forum: '',
      country: 'China',
      filedOn: '2023-03',
    });

    const assertions = await db.assertions.where('disputeId').equals(dispute.id).toArray();
    expect(assertions).toHaveLength(4);
    expect(assertions.every((a) => a.proceedingId === proceedings[0]!.id)).toBe(true);
    expect(assertions.every((a) => a.claims === '' && a.status === 'licensed')).toBe(true);
    const patents = await db.patents.bulkGet(assertions.map((a) => a.patentId));
    expect(new Set(patents.map((p) => p?.id)).size).toBe(4);
    expect(patents.every((p) => p?.number === '' && p.jurisdiction === '')).toBe(true);
    const huawei = roles.find((r) => r.role === 'plaintiff');
    const owners = await db.organisations.bulkGet(patents.map((p) => p?.ownerId ?? ''));
    expect(owners.every((o) => o?.name === huawei?.name)).toBe(true);
    const technologies = patents.map((p) => p?.technology.toLowerCase() ?? '');
    for (const technology of ['wireless communication', 'smartphone photography', 'screen lock']) {
      expect(technologies).toContain(technology);
    }

    const resolution = dispute.resolution;
    expect(resolution?.kind).toBe('cross-licence');
    expect(resolution?.date).toBe('');
    expect(resolution?.licence).toMatchObject({ type: 'cross-licence', territory: 'Global' });
    expect(resolution?.licence?.scope).toMatch(/5G/);
    expect(resolution?.text).toMatch(/strategic cooperation agreement/);
  });

  it('tells the Huawei v. Xiaomi story in two notes, dated only as the announcement dates it', async () => {
    await loadSampleCaseFile(db);
    const dispute = await huaweiXiaomi();
    const notes = await db.notes.where('disputeId').equals(dispute.id).sortBy('date');
    expect(notes.map((n) => n.date)).toEqual(['', '2023-03']);
    const [announcement, filing] = notes;
    expect(filing?.body).toMatch(/four of Huawei’s registered patents/);
    expect(filing?.amount).toBeNull();
    expect(announcement?.recordsResolution).toBe(true);
    expect(announcement?.body).toMatch(/cross-licensing agreement/);
    expect(announcement?.body).toMatch(/5G, artificial intelligence and cloud computing/);
    expect(announcement?.amount).toBeNull();
    expect(await db.deadlines.where('disputeId').equals(dispute.id).count()).toBe(0);
  });

  it('adds the two fictional disputes, one active and one stayed, both marked fictional', async () => {
    const { disputeIds } = await loadSampleCaseFile(db);
    expect(disputeIds).toHaveLength(3);
    const fictional = (await db.disputes.toArray()).filter((d) => d.title !== SAMPLE_DISPUTE_TITLE);
    expect(fictional.map((d) => d.status).sort()).toEqual(['active', 'stayed']);
    for (const dispute of fictional) {
      expect(dispute.title).toMatch(/\(fictional\)$/);
      expect(dispute.tags).toContain('fictional');
      expect(dispute.summary).toMatch(/fictional/i);
    }
  });

  it('audits every record it writes, as if typed in', async () => {
    await loadSampleCaseFile(db);
    const created = await db.audit.toArray();
    expect(created.every((entry) => entry.action === 'create')).toBe(true);
    expect(created.filter((entry) => entry.entity === 'dispute')).toHaveLength(3);
    expect(created.filter((entry) => entry.entity === 'assertion')).toHaveLength(
      await db.assertions.count(),
    );
  });

  it('adds nothing the second time it is loaded', async () => {
    await loadSampleCaseFile(db);
    const once = await snapshot(db);
    const again = await loadSampleCaseFile(db);
    expect(again.disputeIds).toEqual([]);
    expect(await snapshot(db)).toEqual(once);
  });

  it('loads again only a sample dispute that was deleted, reusing organisations and patents', async () => {
    const { disputeIds } = await loadSampleCaseFile(db);
    const organisations = await db.organisations.count();
    const patents = await db.patents.count();
    await deleteDispute(db, disputeIds[1]!);
    const again = await loadSampleCaseFile(db);
    expect(again.disputeIds).toHaveLength(1);
    expect(await db.disputes.count()).toBe(3);
    expect(await db.organisations.count()).toBe(organisations);
    expect(await db.patents.count()).toBe(patents);
  });

  it('refuses a spoilt file and writes nothing', async () => {
    const before = await snapshot(db);
    const badClaims = sampleCopy();
    badClaims.disputes[1]!.patents[0]!.assertions[0]!.claims = '5-1';
    await expect(loadSampleCaseFile(db, badClaims)).rejects.toBeInstanceOf(ValidationError);
    await expect(loadSampleCaseFile(db, badClaims)).rejects.toThrow(/low to high/);

    const unknownProceeding = sampleCopy();
    unknownProceeding.disputes[2]!.deadlines[0]!.proceeding = 'nowhere';
    await expect(loadSampleCaseFile(db, unknownProceeding)).rejects.toThrow(/nowhere/);

    await expect(loadSampleCaseFile(db, { format: 'something else' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
