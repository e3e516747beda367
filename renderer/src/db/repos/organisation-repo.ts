import {
  organisationInputSchema,
  type Organisation,
  type OrganisationInput,
} from '../../../../shared/domain/schemas';
import {
  organisationKey,
  organisationMatchKey,
  organisationMatchKeys,
} from '../../../../shared/domain/organisation-key';
import { addedAliasesProblem, aliasProblem } from '../../../../shared/domain/organisation-aliases';
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

async function checkUnique(db: CasefileDb, organisation: Organisation, before?: Organisation) {
  const existing = await db.organisations.where('nameKey').equals(organisation.nameKey).first();
  if (existing && existing.id !== organisation.id) {
    throw new ValidationError('The organisation', {
      name: `“${existing.name}” is already in your case files; pick it instead.`,
    });
  }
  // Other records that could hold an added alias share its loose key (a strict match implies a
  // loose one), so the `matchKeys` index finds them without reading every organisation.
  const added = organisation.aliases.filter((a) => !before?.aliases.includes(a));
  if (added.length === 0) return;
  const keys = [...new Set(added.map(organisationMatchKey).filter((k) => k !== ''))];
  const others = await db.organisations.where('matchKeys').anyOf(keys).distinct().toArray();
  const problem = addedAliasesProblem(organisation, before, others);
  if (problem) throw new ValidationError('The organisation', { aliases: problem });
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
  return updateEntity(db, organisationSpec, id, input, {
    check: (org, before) => checkUnique(db, org, before),
  });
}

function inputOf(organisation: Organisation, aliases: string[]): OrganisationInput {
  const { name, country, notes } = organisation;
  return { name, country, notes, aliases };
}

/** Adds another name of the organisation (rules: shared/domain/organisation-aliases.ts). */
export async function addOrganisationAlias(
  db: CasefileDb,
  id: string,
  alias: string,
): Promise<Organisation> {
  const organisation = await db.organisations.get(id);
  if (!organisation) throw new Error('The organisation no longer exists; it may have been merged.');
  // Said before anything is read further: an empty or repeated name needs no other record.
  const problem = aliasProblem(alias, organisation, []);
  if (problem) throw new ValidationError('The organisation', { aliases: problem });
  return updateOrganisation(db, id, inputOf(organisation, [...organisation.aliases, alias.trim()]));
}

/** Removes one alias; the name stays findable only under the organisation's other names. */
export async function removeOrganisationAlias(
  db: CasefileDb,
  id: string,
  alias: string,
): Promise<Organisation> {
  const organisation = await db.organisations.get(id);
  if (!organisation) throw new Error('The organisation no longer exists; it may have been merged.');
  return updateOrganisation(
    db,
    id,
    inputOf(
      organisation,
      organisation.aliases.filter((a) => a !== alias),
    ),
  );
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
