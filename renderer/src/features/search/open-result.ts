/**
 * Where a search result leads: the thing itself, not just its dispute. Rows that a tab can focus
 * are asked for through the timeline's focus request (the tab scrolls to the row and focuses
 * it); a filing opens in its viewer at the page that matched, with the query to mark.
 */
import type { IndexHit } from '../../search/search-index';
import { requestFocus } from '../timeline/focus-request';

const tabOf = {
  dispute: 'overview',
  organisation: 'parties',
  patent: 'patents',
  proceeding: 'proceedings',
  note: 'notes',
  deadline: 'deadlines',
  document: 'documents',
} as const;

/** The route of a result; for a filing it carries the page and the words to mark. */
export function resultHref(
  hit: Pick<IndexHit, 'kind' | 'disputeId' | 'entityId' | 'page'>,
  query: string,
) {
  const base = `/disputes/${hit.disputeId}/${tabOf[hit.kind]}`;
  if (hit.kind !== 'document') return base;
  const params = new URLSearchParams({ view: hit.entityId, q: query });
  if (hit.page > 0) params.set('page', String(hit.page));
  return `${base}?${params.toString()}`;
}

/** Opens a result: asks its tab to focus its row, then navigates there. */
export function openResult(
  hit: Pick<IndexHit, 'kind' | 'disputeId' | 'entityId' | 'page' | 'target'>,
  query: string,
  navigate: (to: string) => void,
): void {
  // The Patents tab has one row per patent (its assertions nested), so a patent is found by its id.
  if (hit.kind === 'patent') requestFocus(hit.target);
  else if (hit.kind !== 'dispute' && hit.kind !== 'document') requestFocus(hit.entityId);
  navigate(resultHref(hit, query));
}
