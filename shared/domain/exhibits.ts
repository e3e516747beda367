/**
 * Exhibit numbering, one rule for the screen and the printed list: a dispute's exhibits are its
 * documents with an `exhibitOrder`, numbered from the scheme's start in that order, with the
 * prefix and at least three digits ("CX-001"). The number is derived, never stored, so
 * reordering or removing an exhibit renumbers the rest and no two can share a number.
 */
import type { CaseDocument, ExhibitScheme } from './schemas';

export const DEFAULT_EXHIBIT_SCHEME: ExhibitScheme = { prefix: 'CX-', start: 1 };

export function exhibitLabel(scheme: ExhibitScheme, index: number): string {
  return `${scheme.prefix}${String(scheme.start + index).padStart(3, '0')}`;
}

/** The dispute's exhibits in order, each with its number. */
export function numberExhibits<D extends Pick<CaseDocument, 'exhibitOrder' | 'title'>>(
  documents: readonly D[],
  scheme: ExhibitScheme = DEFAULT_EXHIBIT_SCHEME,
): { document: D; label: string }[] {
  return documents
    .filter((d) => d.exhibitOrder !== undefined)
    .sort((a, b) => a.exhibitOrder! - b.exhibitOrder! || a.title.localeCompare(b.title))
    .map((document, index) => ({ document, label: exhibitLabel(scheme, index) }));
}

/** Moves the item at `from` by `by` places (clamped to the list). */
export function moved<T>(list: readonly T[], from: number, by: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
