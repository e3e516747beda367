/**
 * How a record is named where a person reads it (screens, history, print): one function per kind,
 * so a patent reads "CN 1234567" in the Overview, the History and the summary alike.
 */
import { firstWords } from '../text/first-words';
import type { Patent, Proceeding } from './schemas';

/** "Beijing IP Court (China)", or whichever of the two is known. */
export function forumName(proceeding: Pick<Proceeding, 'forum' | 'country'>): string {
  if (proceeding.forum && proceeding.country) return `${proceeding.forum} (${proceeding.country})`;
  return proceeding.forum || proceeding.country;
}

/** The case number when there is one ("(2023) Case 12"), else the forum. */
export function proceedingName(
  proceeding: Pick<Proceeding, 'forum' | 'country' | 'caseNumber'>,
): string {
  return proceeding.caseNumber || forumName(proceeding) || 'Proceeding';
}

/** "CN 1234567" (office before the number unless the number already carries it), else its title. */
export function patentName(
  patent: Pick<Patent, 'number' | 'jurisdiction' | 'title' | 'technology'>,
): string {
  const { number, jurisdiction } = patent;
  if (number) {
    const prefixed =
      jurisdiction && !number.toUpperCase().startsWith(jurisdiction.toUpperCase())
        ? `${jurisdiction} ${number}`
        : number;
    return prefixed;
  }
  return patent.title || patent.technology || 'Patent without number';
}

/**
 * The name of any audited record, as History's headline uses it: the organisation of a party,
 * "CN 1234567 in (2023) Case 12" for an assertion, a document's title. `nameOf` names the records
 * it points at by id; an id it cannot name reads as what it was.
 */
export function recordName(
  entity: string,
  record: Record<string, unknown>,
  nameOf: (id: string) => string | undefined,
): string {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  const ref = (key: string, missing: string) => nameOf(text(key)) ?? missing;
  switch (entity) {
    case 'party':
      return ref('organisationId', 'an organisation no longer on file');
    case 'assertion':
      return `${ref('patentId', 'a patent no longer on file')} in ${ref('proceedingId', 'a proceeding no longer on file')}`;
    case 'proceeding': {
      const forum = forumName({ forum: text('forum'), country: text('country') });
      const caseNumber = text('caseNumber');
      return caseNumber && forum ? `${forum}, ${caseNumber}` : caseNumber || forum || 'proceeding';
    }
    case 'patent':
      return patentName({
        number: text('number'),
        jurisdiction: text('jurisdiction'),
        title: text('title'),
        technology: text('technology'),
      });
    case 'note': {
      const title = text('title');
      if (title) return `“${title}”`;
      const words = firstWords(text('body'));
      return words ? `“${words}”` : '';
    }
    case 'organisation':
      return text('name');
    default:
      return text('title') ? `“${text('title')}”` : '';
  }
}
