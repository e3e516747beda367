/**
 * Drives random sequences of what counsel do to a dispute's life (edits by hand, outcomes recorded
 * through either route, outcomes removed, bundles imported over it) against the real repositories
 * on fake-indexeddb, and checks after every step that each stored dispute obeys dispute-life.ts
 * and that a refused write left the dispute exactly as it was.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifeProblems, statusForOutcome } from '../../../../shared/domain/dispute-life';
import type { Dispute } from '../../../../shared/domain/schemas';
import { disputeStatus, resolutionKind } from '../../../../shared/domain/vocabulary';
import { ValidationError } from '../../../../shared/validation';
import { emptyRecords } from '../../features/bundles/bundle-content';
import { importBundle } from '../../features/bundles/import-bundle';
import type { CasefileDb } from '../casefile-db';
import { openTestDb } from '../testing/test-db';
import { createDispute, disputeToInput, lifeOf, updateDispute } from './dispute-repo';
import { recordSettlement } from './settlement-repo';

const date = fc.constantFrom('', '2023', '2023-03', '2023-05-17', '2024-11', '2025-01-02', '2027');
const status = fc.constantFrom(...disputeStatus.values);
const kind = fc.constantFrom(...resolutionKind.values);

const step = fc.oneof(
  fc.record({ op: fc.constant('status' as const), status }),
  fc.record({ op: fc.constant('closedOn' as const), closedOn: date }),
  fc.record({ op: fc.constant('outcome' as const), kind, date }),
  fc.record({ op: fc.constant('settlement' as const), kind, date }),
  fc.record({ op: fc.constant('remove' as const) }),
  fc.record({
    op: fc.constant('import' as const),
    status,
    closedOn: date,
    outcome: fc.option(fc.record({ kind, date }), { nil: null }),
    choice: fc.constantFrom('copy' as const, 'update' as const),
  }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function apply(db: CasefileDb, dispute: Dispute, s: Step): Promise<void> {
  const input = disputeToInput(dispute);
  switch (s.op) {
    case 'status':
      await updateDispute(db, dispute.id, { ...input, status: s.status });
      return;
    case 'closedOn':
      await updateDispute(db, dispute.id, { ...input, closedOn: s.closedOn });
      return;
    case 'outcome':
      await updateDispute(db, dispute.id, { ...input, resolution: { kind: s.kind, date: s.date } });
      return;
    case 'settlement':
      await recordSettlement(db, dispute.id, {
        resolution: { kind: s.kind, date: s.date, dateNotGiven: s.date === '' },
        note: { date: s.date, kind: 'term-sheet', body: 'Signed.' },
      });
      return;
    case 'remove':
      await updateDispute(db, dispute.id, { ...input, resolution: null });
      return;
    case 'import': {
      const records = emptyRecords();
      const resolution = s.outcome && { ...s.outcome, licence: null, text: '' };
      records.disputes.push({
        ...dispute,
        status: s.status,
        closedOn: s.closedOn,
        resolution,
        beforeOutcome: null,
      });
      await importBundle(db, { records, files: new Map() }, s.choice);
      return;
    }
  }
}

/** How a stored dispute breaks the rule, in words; empty when it obeys. */
function violations(dispute: Dispute): string[] {
  const problems = Object.values(lifeProblems(lifeOf(dispute)));
  const { resolution } = dispute;
  if (resolution && dispute.status !== statusForOutcome(resolution.kind))
    problems.push(`${dispute.status} with a ${resolution.kind}`);
  if (resolution && dispute.closedOn !== resolution.date)
    problems.push(`closed ${dispute.closedOn}, outcome ${resolution.date}`);
  if (!resolution && dispute.status === 'settled') problems.push('settled without an outcome');
  if (!resolution && dispute.beforeOutcome !== null) problems.push('a memory without an outcome');
  return problems;
}

describe('the rule of a dispute’s life, through the repositories', () => {
  it('holds after every step of any sequence of edits, outcomes, removals and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = openTestDb();
        try {
          const { id } = await createDispute(db, {
            title: 'Acme v. Widget',
            ourRole: 'plaintiff',
            status: 'active',
            openedOn: '2023-03',
          });
          for (const s of steps) {
            const before = (await db.disputes.get(id))!;
            const others = await db.disputes.count();
            const refused = await apply(db, before, s).then(
              () => false,
              (error: unknown) => {
                if (error instanceof ValidationError) return true;
                throw error;
              },
            );
            const after = (await db.disputes.get(id))!;
            // A refused write leaves the dispute, and every other, exactly as it was.
            expect(refused ? after : before).toEqual(before);
            expect(refused ? await db.disputes.count() : others).toBe(others);
            const stored = await db.disputes.toArray();
            expect(stored.flatMap(violations)).toEqual([]);
            // Removing an outcome returns to what the dispute was before it was recorded.
            const removed = !refused && s.op === 'remove' && before.resolution !== null;
            const back = before.beforeOutcome ?? { status: 'active', closedOn: '' };
            expect(removed ? { status: after.status, closedOn: after.closedOn } : back).toEqual(
              back,
            );
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
