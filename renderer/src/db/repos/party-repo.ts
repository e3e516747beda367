import {
  disputePartyInputSchema,
  type DisputeParty,
  type DisputePartyInput,
} from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from '../entity-store';
import { findOrCreateOrganisation } from './organisation-repo';

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

export function removeParty(db: CasefileDb, id: string): Promise<string | null> {
  return deleteEntity(db, partySpec, id);
}

/**
 * Adds a party whose organisation is either picked (`organisationId`) or named for the first time
 * (`newOrganisationName`, matched to an existing one of the same name). One transaction, so a
 * refused party leaves no stray organisation behind.
 */
export async function addPartyWithOrganisation(
  db: CasefileDb,
  input: Omit<DisputePartyInput, 'organisationId'> & {
    organisationId?: string | null;
    newOrganisationName?: string;
  },
): Promise<DisputeParty> {
  const { newOrganisationName, organisationId, ...party } = input;
  return db.transaction(
    'rw',
    [db.organisations, db.disputeParties, db.disputes, db.audit],
    async () => {
      const name = newOrganisationName?.trim();
      const orgId = name ? (await findOrCreateOrganisation(db, { name })).id : organisationId;
      if (!orgId) {
        throw new ValidationError('The party', {
          organisationId: 'Choose an organisation, or type the name of a new one.',
        });
      }
      return addParty(db, { ...party, organisationId: orgId });
    },
  );
}
