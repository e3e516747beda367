import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { createDispute } from '../../db/repos/dispute-repo';
import { createOrganisation } from '../../db/repos/organisation-repo';
import { addParty } from '../../db/repos/party-repo';
import { assertPatent } from '../../db/repos/patent-repo';
import { createProceeding } from '../../db/repos/proceeding-repo';
import { openTestDb } from '../../db/testing/test-db';
import {
  filterPatents,
  groupByFamily,
  joinPatentRows,
  listFirstPatents,
  listPatentFacts,
  listPatentRows,
  listPatents,
  noFilters,
} from './patent-queries';

describe('patents across disputes', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  async function seed() {
    const acme = await createOrganisation(db, { name: 'Acme Optics GmbH' });
    const widget = await createOrganisation(db, { name: 'Widget Inc.' });
    const nokia = await createOrganisation(db, { name: 'Nokia Oyj' });
    const ids: Record<string, { dispute: string; proceeding: string }> = {};
    for (const title of ['Acme v. Widget', 'Widget v. Acme']) {
      const dispute = await createDispute(db, {
        title,
        ourRole: title.startsWith('Acme') ? 'plaintiff' : 'defendant',
        status: 'active',
      });
      const proceeding = await createProceeding(db, {
        disputeId: dispute.id,
        forum: 'Munich Regional Court',
        country: 'Germany',
        filedOn: '2024-03',
      });
      await addParty(db, {
        disputeId: dispute.id,
        organisationId: acme.id,
        role: 'plaintiff',
        ourSide: true,
      });
      await addParty(db, { disputeId: dispute.id, organisationId: widget.id, role: 'defendant' });
      ids[title] = { dispute: dispute.id, proceeding: proceeding.id };
    }
    const at = (title: string) => ({
      disputeId: ids[title]!.dispute,
      proceedingId: ids[title]!.proceeding,
    });
    await assertPatent(
      db,
      {
        number: 'EP 1 234 567 B1',
        jurisdiction: 'EP',
        ownerId: acme.id,
        family: 'AF-1',
        sep: true,
        technology: 'Autofocus',
      },
      { ...at('Acme v. Widget'), claims: '1-3' },
    );
    await assertPatent(
      db,
      { number: 'EP1234567', jurisdiction: 'EP' },
      { ...at('Widget v. Acme'), claims: '1', status: 'invalid' },
    );
    await assertPatent(
      db,
      { number: 'US 10,123,456', jurisdiction: 'US', ownerId: acme.id, family: 'AF-1' },
      at('Acme v. Widget'),
    );
    await assertPatent(
      db,
      { number: 'DE 10 2019 123 456', ownerId: widget.id },
      at('Widget v. Acme'),
    );
    await assertPatent(db, { title: 'Screen lock', ownerId: nokia.id }, at('Widget v. Acme'));
  }

  it('lists each patent once with all its assertions and whose it is', async () => {
    await seed();
    const rows = await listPatentRows(db);
    expect(rows).toHaveLength(4);
    const ep = rows.find((r) => r.patent.numberKey === 'EP1234567')!;
    expect(
      ep.assertions.map((a) => [a.dispute?.title, a.assertion.claims, a.assertion.status]),
    ).toEqual([
      ['Acme v. Widget', '1-3', 'asserted'],
      ['Widget v. Acme', '1', 'invalid'],
    ]);
    expect(ep.assertions[0]!.proceeding?.forum).toBe('Munich Regional Court');
    const side = Object.fromEntries(
      rows.map((r) => [r.patent.number || r.patent.title, r.ownerSide]),
    );
    expect(side).toEqual({
      'EP 1 234 567 B1': 'ours',
      'US 10,123,456': 'ours',
      'DE 10 2019 123 456': 'theirs',
      'Screen lock': 'third-party',
    });
  });

  it('filters by owner, jurisdiction, technology, SEP, status and number however typed', async () => {
    await seed();
    const { patents, ownerNames } = await listPatents(db);
    const facts = await listPatentFacts(db);
    const names = (filters: Partial<typeof noFilters>) =>
      filterPatents(patents, { ...noFilters, ...filters }, ownerNames, facts)!.map(
        (p) => p.number || p.title,
      );
    // The owner and status filters wait for the facts rather than guess without them.
    expect(filterPatents(patents, { ...noFilters, owner: 'ours' }, ownerNames)).toBeUndefined();
    expect(
      filterPatents(patents, { ...noFilters, jurisdiction: 'US' }, ownerNames)!.map(
        (p) => p.number,
      ),
    ).toEqual(['US 10,123,456']);
    expect(names({ owner: 'theirs' })).toEqual(['DE 10 2019 123 456']);
    expect(names({ jurisdiction: 'US' })).toEqual(['US 10,123,456']);
    expect(names({ technology: 'Autofocus', sep: 'sep' })).toEqual(['EP 1 234 567 B1']);
    expect(names({ status: 'invalid' })).toEqual(['EP 1 234 567 B1']);
    expect(names({ text: 'ep1234567' })).toEqual(['EP 1 234 567 B1']);
    expect(names({ text: 'nokia' })).toEqual(['Screen lock']);
  });

  it('groups a family’s members under its name, then the patents of no family', async () => {
    await seed();
    const items = groupByFamily((await listPatents(db)).patents);
    expect(
      items.map((i) =>
        i.kind === 'family' ? `family ${i.family} (${i.count})` : i.patent.number || i.patent.title,
      ),
    ).toEqual([
      'family AF-1 (2)',
      'EP 1 234 567 B1',
      'US 10,123,456',
      'DE 10 2019 123 456',
      'Screen lock',
    ]);
  });

  it('joins only the patents asked for, with what the whole read gives them', async () => {
    await seed();
    const all = await listPatentRows(db);
    const ep = all.find((r) => r.patent.numberKey === 'EP1234567')!;
    const [joined, ...others] = await joinPatentRows(db, [ep.patent]);
    expect(others).toEqual([]);
    expect(joined).toEqual(ep);
    expect(await joinPatentRows(db, [])).toEqual([]);
  });

  it('reads a first page through the indexes that is the head of the whole list', async () => {
    await seed();
    const whole = groupByFamily((await listPatents(db)).patents);
    for (const size of [1, 3, 10]) {
      const head = groupByFamily(await listFirstPatents(db, size));
      expect(head.length).toBeGreaterThanOrEqual(Math.min(size, 3));
      expect(head).toEqual(whole.slice(0, head.length));
    }
  });
});
