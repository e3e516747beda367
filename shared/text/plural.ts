/**
 * Counted nouns ("1 proceeding", "2 notes") through Intl.PluralRules, so no screen or printout
 * writes "note(s)". English plurals are given explicitly: the rules pick the form, not the spelling.
 */
const rules = new Intl.PluralRules('en');

export function plural(count: number, one: string, other: string = `${one}s`): string {
  const form = rules.select(count) === 'one' ? one : other;
  return `${new Intl.NumberFormat('en').format(count)} ${form}`;
}
