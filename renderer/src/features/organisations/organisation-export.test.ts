import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { createDispute } from '../../db/repos/dispute-repo';
import { createOrganisation } from '../../db/repos/organisation-repo';
import { addParty } from '../../db/repos/party-repo';
import { openTestDb } from '../../db/testing/test-db';
import { encodeCsv } from '../exports/csv';
import { organisationExportRows, organisationsTable } from './organisation-export';
import { listOrganisations } from './organisation-queries';

describe('the Organisations page as a table', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('has a row per organisation and dispute, in the page’s order, and one for an organisation in none', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation', aliases: ['小米'] });
    await createOrganisation(db, { name: 'Acme Ltd' });
    const b = await createDispute(db, {
      title: 'B v. Xiaomi',
      ourRole: 'plaintiff',
      status: 'active',
    });
    const a = await createDispute(db, {
      title: 'A v. Xiaomi',
      ourRole: 'defendant',
      status: 'stayed',
    });
    await addParty(db, { disputeId: b.id, organisationId: xiaomi.id, role: 'defendant' });
    await addParty(db, {
      disputeId: a.id,
      organisationId: xiaomi.id,
      role: 'plaintiff',
      outsideCounsel: 'King & Wood Mallesons',
    });

    const organisations = await listOrganisations(db);
    const table = organisationsTable(await organisationExportRows(db, organisations), false);
    expect(table.columns.map((c) => c.header)).toEqual([
      'Organisation',
      'Also known as',
      'Dispute',
      'Our role',
      'Its role',
      'Status',
      'Outside counsel',
    ]);
    const cells = table.rows.map((row) => table.columns.map((c) => c.value(row)));
    expect(cells).toEqual([
      ['Acme Ltd', '', '', '', '', '', ''],
      [
        'Xiaomi Corporation',
        '小米',
        'A v. Xiaomi',
        'Defendant / respondent',
        'Plaintiff (counterparty)',
        'Stayed',
        'King & Wood Mallesons',
      ],
      [
        'Xiaomi Corporation',
        '小米',
        'B v. Xiaomi',
        'Plaintiff / claimant',
        'Defendant (counterparty)',
        'Active',
        '',
      ],
    ]);
    expect(table.fileName).toMatch(/^Organisations \d{4}-\d{2}-\d{2}$/);
    // Only the organisations the filter leaves.
    const filtered = await organisationExportRows(db, organisations.slice(0, 1));
    expect(filtered.map((r) => r.organisation.name)).toEqual(['Acme Ltd']);
    expect(organisationsTable(filtered, true).fileName).toMatch(/^Organisations \(filtered\)/);
    // The CSV keeps the Chinese alias as written.
    expect(encodeCsv(table.columns, table.rows)).toContain('Xiaomi Corporation,小米,A v. Xiaomi');
  });
});
