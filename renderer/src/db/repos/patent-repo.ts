import {
  patentInputSchema,
  type Assertion,
  type AssertionInput,
  type Patent,
  type PatentInput,
} from '../../../../shared/domain/schemas';
import type { z } from 'zod';
import { parsePatentNumber, patentNumberKey } from '../../../../shared/domain/patent-number';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { createEntity, updateEntity, type BaseRecord, type EntitySpec } from '../entity-store';
import { createAssertion, updateAssertion } from './assertion-repo';

export const patentSpec: EntitySpec<Patent, typeof patentInputSchema> = {
  entity: 'patent',
  what: 'The patent',
  table: (db) => db.patents,
  inputSchema: patentInputSchema,
  toRecord: normalisedPatent,
  describe: (p) => p.number || p.title || p.technology,
  disputeIdOf: () => null,
};

/**
 * The number as its office writes it, the jurisdiction it implies when none was chosen, and the
 * key under which the patent is unique. The input schema has already checked the number.
 */
function normalisedPatent(
  input: z.output<typeof patentInputSchema>,
): Omit<Patent, keyof BaseRecord> {
  if (!input.number) return { ...input, numberKey: null };
  const parsed = parsePatentNumber(input.number, input.jurisdiction);
  if (!parsed.ok) return { ...input, numberKey: patentNumberKey(input.number, input.jurisdiction) };
  const { display, jurisdiction, key } = parsed.value;
  return { ...input, number: display, jurisdiction, numberKey: key };
}

/** The patent already on file under this number, however it was written there. */
export function findPatentByNumber(
  db: CasefileDb,
  number: string,
  jurisdiction: string,
): Promise<Patent | undefined> {
  const key = patentNumberKey(number, jurisdiction);
  return key ? db.patents.where('numberKey').equals(key).first() : Promise.resolve(undefined);
}

async function checkUniqueNumber(db: CasefileDb, patent: Patent) {
  if (!patent.numberKey) return;
  const existing = await db.patents.where('numberKey').equals(patent.numberKey).first();
  if (existing && existing.id !== patent.id) {
    const what = existing.title ? ` (${existing.title})` : '';
    throw new ValidationError('The patent', {
      number: `${existing.number}${what} is already on file as another patent. Add it to this dispute from there, or change the number.`,
    });
  }
}

export function createPatent(db: CasefileDb, input: PatentInput): Promise<Patent> {
  return createEntity(db, patentSpec, input, { check: (p) => checkUniqueNumber(db, p) });
}

export function updatePatent(db: CasefileDb, id: string, input: PatentInput): Promise<Patent> {
  return updateEntity(db, patentSpec, id, input, { check: (p) => checkUniqueNumber(db, p) });
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
      const existing = await findPatentByNumber(
        db,
        patent.number ?? '',
        (patent.jurisdiction ?? '').trim(),
      );
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
