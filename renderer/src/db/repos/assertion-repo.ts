import {
  assertionInputSchema,
  type Assertion,
  type AssertionInput,
} from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from '../entity-store';

export const assertionSpec: EntitySpec<Assertion, typeof assertionInputSchema> = {
  entity: 'assertion',
  what: 'The assertion',
  table: (db) => db.assertions,
  inputSchema: assertionInputSchema,
  describe: (a) => (a.claims ? `claims ${a.claims}` : 'claims not yet known'),
  disputeIdOf: (a) => a.disputeId,
  alsoTouches: (db) => [db.proceedings, db.patents],
};

async function checkAssertion(db: CasefileDb, assertion: Assertion) {
  const proceeding = await db.proceedings.get(assertion.proceedingId);
  if (!proceeding || proceeding.disputeId !== assertion.disputeId) {
    throw new ValidationError('The assertion', {
      proceedingId: 'Choose a proceeding of this dispute.',
    });
  }
  if (!(await db.patents.get(assertion.patentId))) {
    throw new ValidationError('The assertion', { patentId: 'Choose a patent.' });
  }
  // One assertion per patent and proceeding: a second would show the same patent twice there.
  const twice = await db.assertions
    .where('proceedingId')
    .equals(assertion.proceedingId)
    .filter((a) => a.patentId === assertion.patentId && a.id !== assertion.id)
    .first();
  if (twice) {
    throw new ValidationError('The assertion', {
      proceedingId:
        'This patent is already asserted in this proceeding. Edit that entry, or choose another proceeding.',
    });
  }
}

export function createAssertion(db: CasefileDb, input: AssertionInput): Promise<Assertion> {
  return createEntity(db, assertionSpec, input, { check: (a) => checkAssertion(db, a) });
}

export function updateAssertion(
  db: CasefileDb,
  id: string,
  input: AssertionInput,
): Promise<Assertion> {
  return updateEntity(db, assertionSpec, id, input, { check: (a) => checkAssertion(db, a) });
}

export function deleteAssertion(db: CasefileDb, id: string): Promise<string | null> {
  return deleteEntity(db, assertionSpec, id);
}
