import {
  proceedingInputSchema,
  type Proceeding,
  type ProceedingInput,
} from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../casefile-db';
import {
  createEntity,
  deleteEntity,
  deleteRecord,
  updateEntity,
  type EntitySpec,
} from '../entity-store';
import { assertionSpec } from './assertion-repo';

export const proceedingSpec: EntitySpec<Proceeding, typeof proceedingInputSchema> = {
  entity: 'proceeding',
  what: 'The proceeding',
  table: (db) => db.proceedings,
  inputSchema: proceedingInputSchema,
  describe: (p) => [p.forum, p.country, p.caseNumber].filter(Boolean).join(', '),
  disputeIdOf: (p) => p.disputeId,
};

export function createProceeding(db: CasefileDb, input: ProceedingInput): Promise<Proceeding> {
  return createEntity(db, proceedingSpec, input);
}

export function updateProceeding(
  db: CasefileDb,
  id: string,
  input: ProceedingInput,
): Promise<Proceeding> {
  return updateEntity(db, proceedingSpec, id, input);
}

/** Deletes the proceeding and the patents' assertions in it (the patents themselves stay). */
export function deleteProceeding(db: CasefileDb, id: string): Promise<string | null> {
  return deleteEntity(
    db,
    proceedingSpec,
    id,
    async (_proceeding, at, bag) => {
      const assertions = await db.assertions.where('proceedingId').equals(id).toArray();
      for (const assertion of assertions) await deleteRecord(db, assertionSpec, assertion, at, bag);
    },
    [db.assertions],
  );
}
