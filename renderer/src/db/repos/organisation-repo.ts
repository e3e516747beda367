import {
  organisationInputSchema,
  type Organisation,
  type OrganisationInput,
} from '../../../../shared/domain/schemas';
import { organisationKey, organisationMatchKeys } from '../../../../shared/domain/organisation-key';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { createEntity, updateEntity, type EntitySpec } from '../entity-store';

export const organisationSpec: EntitySpec<Organisation, typeof organisationInputSchema> = {
  entity: 'organisation',
  what: 'The organisation',
  table: (db) => db.organisations,
  inputSchema: organisationInputSchema,
  toRecord: (input) => ({
    ...input,
    nameKey: organisationKey(input.name),
    matchKeys: organisationMatchKeys(input.name, input.aliases),
  }),
  describe: (organisation) => organisation.name,
  disputeIdOf: () => null,
};

async function checkUnique(db: CasefileDb, organisation: Organisation) {
  const existing = await db.organisations.where('nameKey').equals(organisation.nameKey).first();
  if (existing && existing.id !== organisation.id) {
    throw new ValidationError('The organisation', {
      name: `“${existing.name}” is already in your case files; pick it instead.`,
    });
  }
}

export function createOrganisation(
  db: CasefileDb,
  input: OrganisationInput,
): Promise<Organisation> {
  return createEntity(db, organisationSpec, input, { check: (org) => checkUnique(db, org) });
}

export function updateOrganisation(
  db: CasefileDb,
  id: string,
  input: OrganisationInput,
): Promise<Organisation> {
  return updateEntity(db, organisationSpec, id, input, { check: (org) => checkUnique(db, org) });
}

/** The organisation of that name (matched case- and space-insensitively), created if new. */
export async function findOrCreateOrganisation(
  db: CasefileDb,
  input: OrganisationInput,
): Promise<Organisation> {
  return db.transaction('rw', [db.organisations, db.audit, db.disputes], async () => {
    const existing = await db.organisations
      .where('nameKey')
      .equals(organisationKey(input.name ?? ''))
      .first();
    return existing ?? createOrganisation(db, input);
  });
}
