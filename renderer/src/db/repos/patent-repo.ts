import {
  patentInputSchema,
  type Assertion,
  type AssertionInput,
  type Patent,
  type PatentInput,
} from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../casefile-db';
import { createEntity, updateEntity, type EntitySpec } from '../entity-store';
import { createAssertion, updateAssertion } from './assertion-repo';

export const patentSpec: EntitySpec<Patent, typeof patentInputSchema> = {
  entity: 'patent',
  what: 'The patent',
  table: (db) => db.patents,
  inputSchema: patentInputSchema,
  describe: (p) => p.number || p.title || p.technology,
  disputeIdOf: () => null,
};

export function createPatent(db: CasefileDb, input: PatentInput): Promise<Patent> {
  return createEntity(db, patentSpec, input);
}

export function updatePatent(db: CasefileDb, id: string, input: PatentInput): Promise<Patent> {
  return updateEntity(db, patentSpec, id, input);
}

/**
 * Adds a patent to a dispute by asserting it in one of its proceedings. A patent whose number and
 * jurisdiction are already on file is reused rather than stored twice. One transaction.
 */
export async function assertPatent(
  db: CasefileDb,
  patent: PatentInput,
  assertion: Omit<AssertionInput, 'patentId'>,
): Promise<{ patent: Patent; assertion: Assertion }> {
  return db.transaction(
    'rw',
    [db.patents, db.assertions, db.proceedings, db.audit, db.disputes],
    async () => {
      const existing = patent.number
        ? (await db.patents.where('number').equals(patent.number.trim()).toArray()).find(
            (p) => p.jurisdiction === (patent.jurisdiction ?? '').trim(),
          )
        : undefined;
      const stored = existing ?? (await createPatent(db, patent));
      const created = await createAssertion(db, { ...assertion, patentId: stored.id });
      return { patent: stored, assertion: created };
    },
  );
}

/** Saves a patent's details and its assertion in a proceeding together, or neither. */
export async function updateAssertedPatent(
  db: CasefileDb,
  ids: { patentId: string; assertionId: string },
  patent: PatentInput,
  assertion: AssertionInput,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.patents, db.assertions, db.proceedings, db.audit, db.disputes],
    async () => {
      await updatePatent(db, ids.patentId, patent);
      await updateAssertion(db, ids.assertionId, assertion);
    },
  );
}
