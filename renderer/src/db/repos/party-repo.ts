import {
  disputePartyInputSchema,
  type DisputeParty,
  type DisputePartyInput,
} from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from '../entity-store';

export const partySpec: EntitySpec<DisputeParty, typeof disputePartyInputSchema> = {
  entity: 'party',
  what: 'The party',
  table: (db) => db.disputeParties,
  inputSchema: disputePartyInputSchema,
  describe: (party) => party.role,
  disputeIdOf: (party) => party.disputeId,
  alsoTouches: (db) => [db.organisations],
};

async function checkParty(db: CasefileDb, party: DisputeParty, previous?: DisputeParty) {
  if (!(await db.disputes.get(party.disputeId))) {
    throw new ValidationError('The party', { disputeId: 'The dispute no longer exists.' });
  }
  if (!(await db.organisations.get(party.organisationId))) {
    throw new ValidationError('The party', { organisationId: 'Choose an organisation.' });
  }
  const existing = await db.disputeParties
    .where('[disputeId+organisationId]')
    .equals([party.disputeId, party.organisationId])
    .first();
  if (existing && existing.id !== previous?.id) {
    throw new ValidationError('The party', {
      organisationId: 'This organisation is already a party to the dispute.',
    });
  }
}

export function addParty(db: CasefileDb, input: DisputePartyInput): Promise<DisputeParty> {
  return createEntity(db, partySpec, input, { check: (party) => checkParty(db, party) });
}

export function updateParty(
  db: CasefileDb,
  id: string,
  input: DisputePartyInput,
): Promise<DisputeParty> {
  return updateEntity(db, partySpec, id, input, {
    check: (party, before) => checkParty(db, party, before),
  });
}

export function removeParty(db: CasefileDb, id: string): Promise<void> {
  return deleteEntity(db, partySpec, id);
}
