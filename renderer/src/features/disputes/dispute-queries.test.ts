import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { createDispute } from '../../db/repos/dispute-repo';
import { addPartyWithOrganisation } from '../../db/repos/party-repo';
import { assertPatent } from '../../db/repos/patent-repo';
import { createProceeding } from '../../db/repos/proceeding-repo';
import { openTestDb } from '../../db/testing/test-db';
import { defaultFilters, type StatusFilter } from './dispute-filters';
import { filterAndSortRows, listDisputeRows, loadDisputeDetail } from './dispute-queries';

describe('dispute read models', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  async function seed() {
    const ours = await createDispute(db, {
      title: 'Acme v. Widget',
      ourRole: 'plaintiff',
      status: 'active',
      tags: ['camera'],
    });
    await addPartyWithOrganisation(db, {
      disputeId: ours.id,
      newOrganisationName: 'Acme GmbH',
      role: 'plaintiff',
      ourSide: true,
    });
    await addPartyWithOrganisation(db, {
      disputeId: ours.id,
      newOrganisationName: 'Widget Inc.',
      role: 'defendant',
    });
    const munich = await createProceeding(db, {
      disputeId: ours.id,
      forum: 'Munich Regional Court',
      country: 'Germany',
    });
    const upc = await createProceeding(db, { disputeId: ours.id, country: 'Netherlands' });
    for (const proceedingId of [munich.id, upc.id]) {
      await assertPatent(
        db,
        { number: 'US 2,000,000', jurisdiction: 'US' },
        { disputeId: ours.id, proceedingId },
      );
    }
    await assertPatent(
      db,
      { number: 'US 10,000,000', jurisdiction: 'US' },
      { disputeId: ours.id, proceedingId: munich.id },
    );
    const stayed = await createDispute(db, {
      title: 'Zeta v. Acme',
      ourRole: 'defendant',
      status: 'stayed',
    });
    return { ours, stayed };
  }

  it('lists counterparties, forums and distinct patents per dispute', async () => {
    const { ours } = await seed();
    const rows = await listDisputeRows(db);
    const row = rows.find((r) => r.dispute.id === ours.id)!;
    expect(row.counterparties).toEqual(['Widget Inc.']);
    expect(row.forums).toEqual(['Munich Regional Court (Germany)', 'Netherlands']);
    expect(row.patentCount).toBe(2);
  });

  it('filters by status and by text across parties, forums and tags, and sorts', async () => {
    await seed();
    const rows = await listDisputeRows(db);
    const titles = (status: StatusFilter | null, text: string) =>
      filterAndSortRows(rows, {
        ...defaultFilters,
        q: text,
        status,
        sort: 'title',
        direction: 'ascending',
      }).map((r) => r.dispute.title);
    expect(titles(null, '')).toEqual(['Acme v. Widget', 'Zeta v. Acme']);
    expect(titles('stayed', '')).toEqual(['Zeta v. Acme']);
    expect(titles(null, 'widget inc')).toEqual(['Acme v. Widget']);
    expect(titles(null, 'munich')).toEqual(['Acme v. Widget']);
    expect(titles(null, 'CAMERA')).toEqual(['Acme v. Widget']);
    const byPatents = filterAndSortRows(rows, {
      ...defaultFilters,
      sort: 'patents',
      direction: 'descending',
    });
    expect(byPatents.map((r) => r.patentCount)).toEqual([2, 0]);
    expect(titles('open', '')).toEqual(['Acme v. Widget', 'Zeta v. Acme']);
    const inGermany = filterAndSortRows(rows, { ...defaultFilters, country: 'Germany' });
    expect(inGermany.map((r) => r.dispute.title)).toEqual(['Acme v. Widget']);
    const atMunich = filterAndSortRows(rows, { ...defaultFilters, forum: 'Munich Regional Court' });
    expect(atMunich.map((r) => r.dispute.title)).toEqual(['Acme v. Widget']);
    const defending = filterAndSortRows(rows, { ...defaultFilters, role: 'defendant' });
    expect(defending.map((r) => r.dispute.title)).toEqual(['Zeta v. Acme']);
  });

  it('loads a dispute’s detail with patents in number order and answers null when gone', async () => {
    const { ours } = await seed();
    const detail = await loadDisputeDetail(db, ours.id);
    expect(detail?.assertions.map((a) => a.patent?.number)).toEqual([
      'US 2,000,000',
      'US 2,000,000',
      'US 10,000,000',
    ]);
    expect(detail?.parties.map((p) => p.organisation?.name).sort()).toEqual([
      'Acme GmbH',
      'Widget Inc.',
    ]);
    expect(await loadDisputeDetail(db, 'missing')).toBeNull();
  });
});
