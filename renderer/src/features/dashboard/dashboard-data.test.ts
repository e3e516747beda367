import { describe, expect, it } from 'vitest';
import { refreshDisputeFacts } from '../../db/dispute-facts';
import { createDeadline, updateDeadline } from '../../db/repos/deadline-repo';
import { createNote } from '../../db/repos/note-repo';
import { recordSettlement } from '../../db/repos/settlement-repo';
import { openTestDbWithDispute } from '../../db/testing/test-db';
import type { Dispute } from '../../../../shared/domain/schemas';
import {
  computeDashboard,
  loadDashboard,
  loadDashboardInput,
  weekStart,
  type DashboardInput,
} from './dashboard-data';

type DisputeFields = DashboardInput['disputes'][number];

function dispute(id: string, fields: Partial<DisputeFields>): DisputeFields {
  return {
    id,
    status: 'active',
    ourRole: 'plaintiff',
    openedOn: '',
    closedOn: '',
    resolution: null,
    ...fields,
  };
}

const records = { recordsResolution: true };

const resolution = (kind: NonNullable<Dispute['resolution']>['kind'], date: string) => ({
  kind,
  date,
  licence: null,
  text: '',
});

describe('the dashboard figures', () => {
  const input: DashboardInput = {
    disputes: [
      dispute('a', { status: 'active', ourRole: 'plaintiff', openedOn: '2023-03' }),
      dispute('b', { status: 'stayed', ourRole: 'defendant', openedOn: '2023' }),
      dispute('c', { status: 'active', ourRole: 'defendant', openedOn: '2024-01-02' }),
      dispute('d', {
        status: 'settled',
        openedOn: '2022',
        closedOn: '2024-05',
        resolution: resolution('cross-licence', '2024-05'),
      }),
      dispute('e', {
        status: 'closed',
        openedOn: '2021',
        closedOn: '2024-09-01',
        resolution: resolution('dismissal', '2024-09-01'),
      }),
      dispute('f', {
        status: 'closed',
        openedOn: '2021',
        closedOn: '2023-01',
        // Recorded before a judgment's result was kept: "not recorded".
        resolution: resolution('judgment', '2023-01'),
      }),
      dispute('g', {
        status: 'closed',
        closedOn: '2023-06',
        resolution: { ...resolution('judgment', '2023-06'), judgmentResult: 'for-us' },
      }),
      dispute('h', {
        status: 'closed',
        closedOn: '2024-02',
        resolution: { ...resolution('judgment', '2024-02'), judgmentResult: 'against-us' },
      }),
      dispute('i', {
        status: 'closed',
        closedOn: '2023-07',
        resolution: { ...resolution('judgment', '2023-07'), judgmentResult: 'mixed' },
      }),
    ],
    proceedings: [
      { disputeId: 'a', forum: 'Munich Regional Court', country: 'Germany' },
      // A second proceeding in the same forum counts the dispute once.
      { disputeId: 'a', forum: 'Munich Regional Court', country: 'Germany' },
      { disputeId: 'a', forum: 'UPC', country: '' },
      { disputeId: 'b', forum: 'Munich Regional Court', country: 'Germany' },
      { disputeId: 'c', forum: '', country: 'China' },
      // Closed disputes are not "open disputes by forum".
      { disputeId: 'd', forum: 'Beijing IP Court', country: 'China' },
    ],
    deadlines: [
      { date: '2026-12-02', done: false },
      { date: '2026-12-06', done: false },
      { date: '2026-12-07', done: false },
      { date: '2026-12-03', done: true },
      { date: '2026-11-29', done: false },
      { date: '2027-06-01', done: false },
    ],
    considerations: [
      { disputeId: 'd', date: '2024-05-10', amount: 1_000_000, currency: 'USD', ...records },
      { disputeId: 'd', date: '2024-06', amount: 500_000, currency: 'USD', ...records },
      { disputeId: 'e', date: '2024-09-01', amount: 2_000, currency: 'EUR', ...records },
      { disputeId: 'e', date: '2023', amount: 7, currency: 'CNY', ...records },
      // An offer on the way is not consideration, nor is a sum noted on an unresolved dispute.
      { disputeId: 'd', date: '2024-01', amount: 9_999, currency: 'USD', recordsResolution: false },
      { disputeId: 'a', date: '2024-02', amount: 8_888, currency: 'USD', ...records },
    ],
  };
  const figures = computeDashboard(input, '2026-12-02');

  it('counts open disputes by forum, country, status and our role', () => {
    expect(figures.openCount).toBe(3);
    expect(figures.total).toBe(9);
    expect(figures.byForum).toEqual([
      { key: 'Munich Regional Court', label: 'Munich Regional Court', count: 2 },
      { key: 'UPC', label: 'UPC', count: 1 },
    ]);
    expect(figures.byCountry.map((c) => [c.key, c.count])).toEqual([
      ['Germany', 2],
      ['China', 1],
    ]);
    expect(figures.byStatus.map((s) => [s.key, s.count])).toEqual([
      ['assessment', 0],
      ['active', 2],
      ['stayed', 1],
      ['appeal', 0],
    ]);
    expect(figures.byRole.map((r) => [r.key, r.count])).toEqual([
      ['plaintiff', 1],
      ['defendant', 2],
    ]);
  });

  it('counts disputes opened and closed, and outcomes, per year', () => {
    expect(figures.perYear).toEqual([
      { year: '2021', opened: 2, closed: 0 },
      { year: '2022', opened: 1, closed: 0 },
      { year: '2023', opened: 2, closed: 3 },
      { year: '2024', opened: 1, closed: 3 },
    ]);
    // A judgment counts as won or lost by its result; mixed and unrecorded ones stay together.
    const none = { settled: 0, licence: 0, dismissed: 0, other: 0 };
    const judgments = { 'judgment-won': 0, 'judgment-lost': 0, judgment: 0 };
    expect(figures.outcomes).toEqual([
      { year: '2023', ...none, ...judgments, 'judgment-won': 1, judgment: 2 },
      { year: '2024', ...none, ...judgments, licence: 1, dismissed: 1, 'judgment-lost': 1 },
    ]);
  });

  it('counts open deadlines per week from this week’s Monday, 13 weeks on', () => {
    expect(weekStart('2026-12-02')).toBe('2026-11-30');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
    expect(figures.deadlinesPerWeek).toHaveLength(13);
    expect(figures.deadlinesPerWeek[0]).toEqual({ week: '2026-11-30', label: '30 Nov', count: 2 });
    expect(figures.deadlinesPerWeek[1]).toMatchObject({ week: '2026-12-07', count: 1 });
    expect(figures.deadlinesPerWeek.reduce((sum, w) => sum + w.count, 0)).toBe(3);
  });

  it('sums consideration per year and currency, never across currencies', () => {
    expect(figures.currencies).toEqual(['CNY', 'EUR', 'USD']);
    expect(figures.consideration).toEqual([
      { year: '2023', CNY: 7 },
      { year: '2024', USD: 1_500_000, EUR: 2_000 },
    ]);
  });

  it('reads through the database only the notes with an amount, and sums the settlement’s', async () => {
    const { db, disputeId } = await openTestDbWithDispute({ openedOn: '2024-05-06' });
    const note = { kind: 'meeting', title: '', participants: '', body: '' } as const;
    await createNote(db, { ...note, disputeId, date: '2024-06-01' });
    await createNote(db, { ...note, disputeId, date: '2024-07-01', amount: 5, currency: 'USD' });
    await recordSettlement(db, disputeId, {
      resolution: { kind: 'settlement', date: '2024-11-20', text: 'Settled.' },
      note: { ...note, date: '2024-11-20', kind: 'term-sheet', amount: 2_500_000, currency: 'USD' },
    });
    const loaded = await loadDashboardInput(db, '2026-12-02');
    // The note without an amount is not in the index, so it is never read.
    expect(loaded.considerations.map((n) => n.amount).sort()).toEqual([2_500_000, 5]);
    // The offer on the way is not the consideration.
    expect(computeDashboard(loaded, '2026-12-02').consideration).toEqual([
      { year: '2024', USD: 2_500_000 },
    ]);
    await db.delete();
  });

  it('counts the open deadlines per week in the database as from the whole records', async () => {
    const { db, disputeId } = await openTestDbWithDispute({ openedOn: '2024-05-06' });
    const today = '2026-12-02';
    // Before the quarter, on each week's first and last day, on the day after the last week,
    // and done ones that must not count.
    const dates = ['2026-11-29', '2026-11-30', '2026-12-06', '2026-12-07', '2027-02-28'];
    dates.push('2027-03-01', '2026-12-02', '2026-12-02', '2027-01-15');
    for (const [i, date] of dates.entries()) {
      const d = await createDeadline(db, {
        disputeId,
        date,
        kind: 'filing-deadline',
        title: `Deadline ${i}`,
      });
      if (i >= dates.length - 2) await updateDeadline(db, d.id, { ...d, done: true });
    }
    await refreshDisputeFacts(db);
    const loaded = await loadDashboard(db, today);
    if (!loaded.current) throw new Error('The facts are still out of date after a refresh.');
    const reference = computeDashboard(await loadDashboardInput(db, today), today);
    expect(loaded.figures.deadlinesPerWeek).toEqual(reference.deadlinesPerWeek);
    expect(loaded.figures.deadlinesPerWeek.map((w) => w.count)).toEqual([
      3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
    await db.delete();
  });
});
