import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { createDeadline } from '../../db/repos/deadline-repo';
import { createDispute, disputeToInput, updateDispute } from '../../db/repos/dispute-repo';
import { createNote } from '../../db/repos/note-repo';
import { addPartyWithOrganisation } from '../../db/repos/party-repo';
import { createProceeding } from '../../db/repos/proceeding-repo';
import { openTestDb } from '../../db/testing/test-db';
import { buildChronology } from './chronology';
import { isPrivileged, loadPortfolio, loadSummary } from './summary-query';

describe('the summary and portfolio read models', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  async function seed() {
    const open = await createDispute(db, {
      title: 'Acme v. Widget',
      ourRole: 'plaintiff',
      status: 'active',
      openedOn: '2023-03',
    });
    const settled = await createDispute(db, {
      title: 'Old v. Done',
      ourRole: 'defendant',
      status: 'closed',
    });
    await addPartyWithOrganisation(db, {
      disputeId: open.id,
      newOrganisationName: 'Widget Inc.',
      role: 'defendant',
    });
    await createProceeding(db, {
      disputeId: open.id,
      forum: 'Munich Regional Court',
      country: 'Germany',
      filedOn: '2023-03-15',
      closedOn: '2024-02',
    });
    await createNote(db, {
      disputeId: open.id,
      date: '2023-09-01',
      kind: 'offer',
      title: 'Opening offer',
    });
    await createNote(db, {
      disputeId: open.id,
      date: '2023-08-01',
      kind: 'meeting',
      title: 'Kick-off',
      privilege: 'none',
    });
    await createDeadline(db, {
      disputeId: open.id,
      date: '2099-05-01',
      kind: 'hearing',
      title: 'Main hearing',
    });
    await createDeadline(db, {
      disputeId: open.id,
      date: '2099-02-01',
      kind: 'filing-deadline',
      title: 'Reply brief',
    });
    await createDeadline(db, {
      disputeId: open.id,
      date: '2099-01-01',
      kind: 'other',
      title: 'Already done',
      done: true,
    });
    await createDeadline(db, {
      disputeId: open.id,
      date: '2020-01-01',
      kind: 'other',
      title: 'Long past',
    });
    return { open, settled };
  }

  it('loads a dispute with its notes and deadlines in date order', async () => {
    const { open } = await seed();
    const summary = await loadSummary(db, open.id);
    expect(summary?.detail.dispute.title).toBe('Acme v. Widget');
    expect(summary?.notes.map((n) => n.title)).toEqual(['Kick-off', 'Opening offer']);
    expect(summary?.deadlines[0]?.title).toBe('Long past');
    await expect(loadSummary(db, 'missing')).resolves.toBeNull();
  });

  it('treats attorney–client and work-product notes as privileged, and the rest as not', () => {
    expect(isPrivileged('attorney-client-work-product')).toBe(true);
    expect(isPrivileged('attorney-client')).toBe(true);
    expect(isPrivileged('work-product')).toBe(true);
    expect(isPrivileged('confidential')).toBe(false);
    expect(isPrivileged('none')).toBe(false);
  });

  it('lists open disputes (or all), each with its overdue and next deadlines, and totals', async () => {
    await seed();
    const { rows, totals } = await loadPortfolio(
      db,
      { statuses: 'open', sort: 'title' },
      '2030-01-01',
    );
    expect(rows.map((r) => r.dispute.title)).toEqual(['Acme v. Widget']);
    expect(totals.byStatus).toEqual([{ label: 'Active', count: 1 }]);
    expect(totals.byRole).toEqual([{ label: 'Plaintiff / claimant', count: 1 }]);
    const all = await loadPortfolio(db, { statuses: 'all', sort: 'title' }, '2030-01-01');
    expect(all.rows.map((r) => r.dispute.title)).toEqual(['Acme v. Widget', 'Old v. Done']);
    expect(rows[0]?.counterparties).toEqual(['Widget Inc.']);
    expect(rows[0]?.forums).toEqual(['Munich Regional Court (Germany)']);
    expect(rows[0]?.nextDeadline?.title).toBe('Reply brief');
    // Overdue deadlines still to do are listed too, not only the next one.
    expect(rows[0]?.overdue.map((d) => d.title)).toEqual(['Long past']);
  });

  it('builds the chronology oldest first, a month before the days within it', async () => {
    const { open } = await seed();
    await updateDispute(db, open.id, {
      ...disputeToInput(open),
      resolution: { kind: 'settlement', date: '2024-02-01', text: '' },
    });
    const summary = (await loadSummary(db, open.id))!;
    const entries = buildChronology({
      dispute: summary.detail.dispute,
      proceedings: summary.detail.proceedings,
      documents: [],
      notes: summary.notes.filter((n) => !isPrivileged(n.privilege)),
      deadlines: [],
    });
    expect(entries).toEqual([
      { date: '2023-03', event: 'Dispute opened' },
      {
        date: '2023-03-15',
        event: 'Infringement action filed — Munich Regional Court (Germany)',
      },
      { date: '2023-08-01', event: 'Meeting: Kick-off' },
      { date: '2024-02', event: 'Infringement action closed — Munich Regional Court (Germany)' },
      // The outcome's entry is where the dispute closed: no second "Dispute closed" line.
      { date: '2024-02-01', event: 'Settlement' },
    ]);
    // The privileged offer was filtered out by the caller and so is nowhere in the chronology.
    expect(entries.some((e) => e.event.includes('Opening offer'))).toBe(false);
  });
});
