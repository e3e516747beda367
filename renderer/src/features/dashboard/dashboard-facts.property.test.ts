/**
 * Drives random sequences of writes to disputes, proceedings and notes (through the repositories,
 * the Trash, and Dexie's own table calls: add, put, update, modify, bulk writes, deletes by key
 * and by query, a cleared table) on fake-indexeddb, refreshing the stored dispute facts at random
 * points, and checks at the end that the stored facts, and the dashboard folded from them, equal
 * what the full records give (computeDashboard, the figures' reference).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFactsOf, type DisputeFacts } from '../../../../shared/domain/dispute-facts';
import { disputeStatus, ourRole, resolutionKind } from '../../../../shared/domain/vocabulary';
import { computeDashboard, countPerWeek, foldDashboard, loadDashboard } from './dashboard-data';
import type { CasefileDb } from '../../db/casefile-db';
import {
  readDisputeFacts,
  refreshDisputeFacts,
  type RebuildProgress,
} from '../../db/dispute-facts';
import { createNote, deleteNote } from '../../db/repos/note-repo';
import { createProceeding, deleteProceeding } from '../../db/repos/proceeding-repo';
import {
  createDispute,
  deleteDispute,
  disputeToInput,
  updateDispute,
} from '../../db/repos/dispute-repo';
import { recordSettlement } from '../../db/repos/settlement-repo';
import { openTestDb } from '../../db/testing/test-db';
import { restoreFromTrash } from '../../db/trash';

const TODAY = '2026-12-02';
const pick = fc.nat({ max: 50 });
const year = fc.constantFrom('', '2019', '2021-04', '2023-03-01', '2025');
const forum = fc.constantFrom('', 'Munich Regional Court', 'PTAB', 'Beijing IP Court');
const country = fc.constantFrom('DE', 'US', 'CN', '');
const money = fc.record({
  amount: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
  currency: fc.constantFrom('USD', 'EUR', 'CNY'),
  recordsResolution: fc.boolean(),
  date: year,
});

const newDispute = fc.record({
  op: fc.constant('dispute' as const),
  status: fc.constantFrom(...disputeStatus.values),
  role: fc.constantFrom(...ourRole.values),
  openedOn: year,
});

const addProceeding = fc.record({
  op: fc.constant('proceeding' as const),
  at: pick,
  forum,
  country,
});
const addNote = fc.record({ op: fc.constant('note' as const), at: pick, money });
const settle = fc.record({
  op: fc.constant('settle' as const),
  at: pick,
  kind: fc.constantFrom(...resolutionKind.values),
  date: year,
  money,
});

// In the background: the refresh runs while the next writes do.
const refresh = fc.record({ op: fc.constant('refresh' as const), background: fc.boolean() });

const step = fc.oneof(
  newDispute,
  addProceeding,
  addProceeding,
  addNote,
  addNote,
  settle,
  fc.record({
    op: fc.constant('edit' as const),
    at: pick,
    status: fc.constantFrom(...disputeStatus.values),
    openedOn: year,
  }),
  fc.record({ op: fc.constant('trash' as const), at: pick, restore: fc.boolean() }),
  fc.record({ op: fc.constant('moveProceeding' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('deleteProceeding' as const), at: pick, byRepo: fc.boolean() }),
  fc.record({ op: fc.constant('editNote' as const), at: pick, money }),
  fc.record({ op: fc.constant('deleteNotes' as const), at: pick, byRepo: fc.boolean() }),
  fc.record({ op: fc.constant('bulkForum' as const), forum }),
  fc.record({
    op: fc.constant('clear' as const),
    table: fc.constantFrom('proceedings' as const, 'notes' as const),
  }),
  refresh,
  refresh,
  refresh,
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const nth = <T>(rows: T[], at: number): T | undefined =>
  rows.length === 0 ? undefined : rows[at % rows.length];

async function apply(
  db: CasefileDb,
  s: Step,
  trashed: string[],
  background: Promise<void>[],
): Promise<void> {
  const disputes = await db.disputes.orderBy('id').toArray();
  const dispute = 'at' in s ? nth(disputes, s.at) : undefined;
  switch (s.op) {
    case 'dispute':
      await createDispute(db, {
        title: 'Acme v. Widget',
        ourRole: s.role,
        status: s.status === 'settled' ? 'active' : s.status,
        openedOn: s.openedOn,
      });
      return;
    case 'edit':
      // Straight through Dexie, as an import or restore writes: the facts must follow any write.
      if (dispute) await db.disputes.update(dispute.id, { status: s.status, openedOn: s.openedOn });
      return;
    case 'settle':
      if (!dispute) return;
      await recordSettlement(db, dispute.id, {
        resolution: { kind: s.kind, date: s.date, dateNotGiven: s.date === '' },
        note: {
          date: s.money.date,
          kind: 'term-sheet',
          body: 'Signed.',
          amount: s.money.amount,
          currency: s.money.amount === null ? '' : s.money.currency,
        },
      });
      return;
    case 'trash':
      if (s.restore && trashed.length > 0) await restoreFromTrash(db, trashed.pop()!);
      else if (dispute) {
        const id = await deleteDispute(db, dispute.id);
        if (id) trashed.push(id);
      }
      return;
    case 'proceeding':
      if (dispute) {
        await createProceeding(db, {
          disputeId: dispute.id,
          forum: s.forum,
          country: s.country || 'DE',
        } as Parameters<typeof createProceeding>[1]);
      }
      return;
    case 'moveProceeding': {
      const proceeding = nth(await db.proceedings.orderBy('id').toArray(), s.at);
      const to = nth(disputes, s.to);
      if (proceeding && to) await db.proceedings.put({ ...proceeding, disputeId: to.id });
      return;
    }
    case 'deleteProceeding': {
      const proceeding = nth(await db.proceedings.orderBy('id').toArray(), s.at);
      if (!proceeding) return;
      if (s.byRepo) await deleteProceeding(db, proceeding.id);
      else await db.proceedings.where('disputeId').equals(proceeding.disputeId).delete();
      return;
    }
    case 'note':
      if (dispute) {
        await createNote(db, {
          disputeId: dispute.id,
          date: s.money.date,
          kind: 'offer',
          amount: s.money.amount,
          currency: s.money.amount === null ? '' : s.money.currency,
          recordsResolution: s.money.recordsResolution,
        } as Parameters<typeof createNote>[1]);
      }
      return;
    case 'editNote': {
      const note = nth(await db.notes.orderBy('id').toArray(), s.at);
      if (note) {
        await db.notes
          .where('id')
          .equals(note.id)
          .modify({ amount: s.money.amount, currency: s.money.currency, date: s.money.date });
      }
      return;
    }
    case 'deleteNotes': {
      const note = nth(await db.notes.orderBy('id').toArray(), s.at);
      if (!note) return;
      if (s.byRepo) await deleteNote(db, note.id);
      else await db.notes.bulkDelete([note.id]);
      return;
    }
    case 'bulkForum': {
      const proceedings = await db.proceedings.toArray();
      await db.proceedings.bulkPut(proceedings.map((p) => ({ ...p, forum: s.forum })));
      return;
    }
    case 'clear':
      await db.table(s.table).clear();
      return;
    case 'refresh':
      // Rebuilds read two records a transaction, so the writes after them cross their pages.
      if (s.background) background.push(refreshDisputeFacts(db, { pageSize: 2 }));
      else await refreshDisputeFacts(db, { pageSize: 2 });
      return;
  }
}

const byId = (facts: DisputeFacts[]) => [...facts].sort((a, b) => a.id.localeCompare(b.id));

describe('the stored dispute facts', () => {
  it('equal the facts of the full records after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(newDispute, { minLength: 2, maxLength: 5 }),
        fc.array(step, { minLength: 5, maxLength: 30 }),
        async (first, steps) => {
          const db = openTestDb();
          try {
            const trashed: string[] = [];
            const background: Promise<void>[] = [];
            for (const s of [...first, ...steps]) {
              await apply(db, s, trashed, background).catch((error: unknown) => {
                // The repositories refuse some random inputs; a refused write changes nothing.
                if ((error as Error).name !== 'ValidationError') throw error;
              });
            }
            await Promise.all(background);
            await refreshDisputeFacts(db);
            const stored = await readDisputeFacts(db);
            if (!stored.current) throw new Error('Facts still out of date after a refresh.');
            const [disputes, proceedings, notes, deadlines] = await Promise.all([
              db.disputes.toArray(),
              db.proceedings.toArray(),
              db.notes.toArray(),
              db.deadlines.toArray(),
            ]);
            expect(byId(stored.facts)).toEqual(byId(allFactsOf(disputes, proceedings, notes)));
            const reference = computeDashboard(
              { disputes, proceedings, deadlines, considerations: notes },
              TODAY,
            );
            expect(
              foldDashboard(
                stored.facts,
                countPerWeek(
                  deadlines.filter((d) => !d.done).map((d) => d.date),
                  TODAY,
                ),
                TODAY,
              ),
            ).toEqual(reference);
            const loaded = await loadDashboard(db, TODAY);
            expect(loaded).toEqual({ current: true, figures: reference });
          } finally {
            await db.delete();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('are rebuilt a page at a time, telling how far, and the rebuild stops when asked', async () => {
    const db = openTestDb();
    try {
      for (let i = 0; i < 5; i++)
        await createDispute(db, { title: `Dispute ${i}`, ourRole: 'plaintiff', status: 'active' });
      // A cleared table (a restore's first step) marks every dispute.
      await db.proceedings.clear();
      const stop = new AbortController();
      const stopped: RebuildProgress[] = [];
      const halfway = refreshDisputeFacts(db, {
        pageSize: 2,
        signal: stop.signal,
        onProgress: (progress) => {
          stopped.push(progress);
          if (progress.done >= 2) stop.abort();
        },
      });
      await expect(halfway).rejects.toThrow(/abort/i);
      expect(stopped[0]).toEqual({ done: 0, total: 5 });
      expect(stopped.at(-1)!.done).toBeGreaterThanOrEqual(2);
      // Nothing was stored: still every dispute to prepare.
      expect(await loadDashboard(db, TODAY)).toEqual({ current: false, rebuilding: true });

      const seen: RebuildProgress[] = [];
      await refreshDisputeFacts(db, { pageSize: 2, onProgress: (p) => seen.push(p) });
      // Before the first page, then after each: the disputes' (2, 2, 1), the proceedings' (none) and
      // the notes' (none), read side by side.
      const done = seen.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.filter((n, i) => n !== done[i - 1])).toEqual([0, 2, 4, 5]);
      expect(seen).toHaveLength(6);
      expect(seen.every((p) => p.total === 5)).toBe(true);
      const loaded = await loadDashboard(db, TODAY);
      expect(loaded.current && loaded.figures.openCount).toBe(5);
    } finally {
      await db.delete();
    }
  });

  it('are reported out of date, not read, until the marked disputes are recomputed', async () => {
    const db = openTestDb();
    try {
      const dispute = await createDispute(db, {
        title: 'Acme v. Widget',
        ourRole: 'plaintiff',
        status: 'active',
      });
      expect(await loadDashboard(db, TODAY)).toEqual({ current: false, rebuilding: false });
      await refreshDisputeFacts(db);
      const before = await loadDashboard(db, TODAY);
      expect(before.current && before.figures.openCount).toBe(1);
      await updateDispute(db, dispute.id, { ...disputeToInput(dispute), status: 'closed' });
      expect(await loadDashboard(db, TODAY)).toEqual({ current: false, rebuilding: false });
      await refreshDisputeFacts(db);
      const after = await loadDashboard(db, TODAY);
      expect(after.current && after.figures.openCount).toBe(0);

      // A cleared table (a restore's first step) marks every dispute.
      await updateDispute(db, dispute.id, { ...disputeToInput(dispute), status: 'active' });
      await createProceeding(db, {
        disputeId: dispute.id,
        forum: 'PTAB',
        country: 'US',
      } as Parameters<typeof createProceeding>[1]);
      await refreshDisputeFacts(db);
      const withForum = await loadDashboard(db, TODAY);
      expect(withForum.current && withForum.figures.byForum).toEqual([
        { key: 'PTAB', label: 'PTAB', count: 1 },
      ]);
      await db.proceedings.clear();
      expect(await loadDashboard(db, TODAY)).toEqual({ current: false, rebuilding: true });
      await refreshDisputeFacts(db);
      const cleared = await loadDashboard(db, TODAY);
      expect(cleared.current && cleared.figures.byForum).toEqual([]);

      // A dispute written past the app's write path (as the bench seeds): no mark, yet not current.
      await new Promise((resolve, reject) => {
        const tx = db.backendDB().transaction('disputes', 'readwrite');
        tx.objectStore('disputes').put({ ...dispute, id: 'written-raw', status: 'active' });
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      expect(await loadDashboard(db, TODAY)).toEqual({ current: false, rebuilding: true });
      await refreshDisputeFacts(db);
      const counted = await loadDashboard(db, TODAY);
      expect(counted.current && counted.figures.total).toBe(2);
    } finally {
      await db.delete();
    }
  });
});
