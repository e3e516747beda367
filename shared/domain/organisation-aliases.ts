/**
 * What may be an alias of an organisation. An alias is another name of the same company, so it
 * may not be empty, repeat the organisation's own name or one of its aliases, or be the name or
 * an alias of another organisation: that would be one company on file twice, which a merge
 * settles instead. Names are compared as `organisationKey` compares them (case and spacing).
 * The alias editor and the repository's write path both ask here, so they say the same thing.
 */
import { organisationKey } from './organisation-key';

export type NamedOrganisation = { id: string; name: string; aliases: readonly string[] };

export const ALIAS_MAX_LENGTH = 200;

/**
 * The problem with `alias` as an alias of `organisation`, in the user's words, or null when there
 * is none. `organisation.aliases` are its other aliases (without this one); `others` are other
 * organisations that might hold the same name (the organisation itself among them is ignored).
 */
export function aliasProblem(
  alias: string,
  organisation: NamedOrganisation,
  others: readonly NamedOrganisation[],
): string | null {
  const text = alias.trim();
  if (text === '') return 'Enter the other name this organisation is known by.';
  if (text.length > ALIAS_MAX_LENGTH) {
    return `Keep an alias under ${ALIAS_MAX_LENGTH} characters.`;
  }
  const key = organisationKey(text);
  if (key === organisationKey(organisation.name)) {
    return `“${text}” is this organisation’s own name.`;
  }
  if (organisation.aliases.some((a) => organisationKey(a) === key)) {
    return `“${text}” is already an alias of ${organisation.name}.`;
  }
  for (const other of others) {
    if (other.id === organisation.id) continue;
    if (organisationKey(other.name) === key) {
      return `“${text}” is the name of another organisation on file. If they are one company, merge “${other.name}” into ${organisation.name} instead.`;
    }
    if (other.aliases.some((a) => organisationKey(a) === key)) {
      return `“${text}” is already an alias of ${other.name}. If they are one company, merge the two instead.`;
    }
  }
  return null;
}

/**
 * The first problem among the aliases `after` has and `before` had not (every alias when there
 * was no `before`), or null. Aliases already on file are left as they are: a merge may have
 * brought in a name that later became another record's, and a rename must still be possible.
 */
export function addedAliasesProblem(
  after: NamedOrganisation,
  before: NamedOrganisation | undefined,
  others: readonly NamedOrganisation[],
): string | null {
  const kept = new Set(before?.aliases ?? []);
  const seen: string[] = [];
  for (const alias of after.aliases) {
    if (kept.has(alias)) {
      seen.push(alias);
      continue;
    }
    const problem = aliasProblem(alias, { ...after, aliases: seen }, others);
    if (problem) return problem;
    seen.push(alias);
  }
  return null;
}
