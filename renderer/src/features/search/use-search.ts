/**
 * Asks the index as the person types: the newest query wins (an older answer arriving late is
 * dropped, its request cancelled), and the same query is asked again whenever the index has
 * caught up with a write, so an edit or a delete shows in open results at once.
 */
import { useEffect, useMemo, useState } from 'react';
import { parseQuery } from '../../../../shared/search/query';
import { searchIndex, useIndexState } from '../../search/search-client';
import type { SearchAnswer, SearchQuery } from '../../search/search-protocol';

export type SearchRequestState = {
  answer: SearchAnswer | null;
  loading: boolean;
  error: string | null;
};

type Settled = { key: string; answer: SearchAnswer | null; error: string | null };

export function useSearch(query: string, options: Omit<SearchQuery, 'query'>): SearchRequestState {
  const index = useIndexState();
  // A new answer is wanted when the index finishes a sync, and while it builds at every twentieth
  // of the way: progress comes every few hundred items, and asking again at each would keep the
  // worker answering the same question instead of building.
  const tick =
    index.phase === 'building'
      ? `building ${Math.floor((index.progress.done * 20) / Math.max(1, index.progress.total))}`
      : index.phase === 'ready'
        ? `ready ${index.generation}`
        : index.phase;
  // Two writings that ask the index the same thing share one answer, and the second sends
  // nothing: "royalty c" is "royalty " until its last letter has a second (see parseQuery), and
  // asking again would only hold up the answer to "royalty ca" behind it.
  const asked = JSON.stringify({ ...options, parsed: parseQuery(query, options), tick });
  // The query first written for what is asked: the same while `asked` is.
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the query asks, see above
  const written = useMemo(() => query, [asked]);
  const key = JSON.stringify({ request: { ...options, query: written }, tick });
  const [settled, setSettled] = useState<Settled>({ key: '', answer: null, error: null });

  useEffect(() => {
    const { request } = JSON.parse(key) as { request: SearchQuery };
    if (!request.query.trim()) return;
    const controller = new AbortController();
    searchIndex(request, controller.signal).then(
      (answer) => {
        if (!controller.signal.aborted) setSettled({ key, answer, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setSettled((previous) => ({ ...previous, key, error: message }));
      },
    );
    return () => controller.abort();
  }, [key]);

  if (!query.trim()) return { answer: null, loading: false, error: null };
  // The last answer stays on screen while the next one is on its way.
  return { answer: settled.answer, loading: settled.key !== key, error: settled.error };
}
