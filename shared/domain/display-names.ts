/**
 * How a record is named where a person reads it (screens, history, print): one function per kind,
 * so a patent reads "CN 1234567" in the Overview, the History and the summary alike.
 */
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
