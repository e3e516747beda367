import { useEffect, useState } from 'react';
import { searchIndex, useIndexState } from '../../search/search-client';

/**
 * The documents of one dispute whose text (or details) the index finds for `words`, so a list's
 * words filter never loads every page of every filing. `null` while there are no words.
 */
export function useDocumentTextMatches(
  disputeId: string,
  words: string,
): ReadonlySet<string> | null {
  const index = useIndexState();
  // Asked again as the index grows or catches up with a write (a filing's text arrives later).
  const tick =
    index.phase === 'building'
      ? `building ${Math.floor((index.progress.done * 20) / Math.max(1, index.progress.total))}`
      : index.phase === 'ready'
        ? `ready ${index.generation}`
        : index.phase;
  const key = JSON.stringify({ disputeId, words, tick });
  const [found, setFound] = useState<{ key: string; ids: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    const request = JSON.parse(key) as { disputeId: string; words: string };
    if (!request.words.trim()) return;
    const controller = new AbortController();
    searchIndex(
      {
        query: request.words,
        kinds: ['document'],
        disputeId: request.disputeId,
        perKind: 10_000,
        typing: true,
        withoutSnippets: true,
      },
      controller.signal,
    ).then(
      (answer) =>
        setFound({
          key,
          ids: new Set(answer.groups.flatMap((g) => g.hits.map((h) => h.entityId))),
        }),
      () => undefined,
    );
    return () => controller.abort();
  }, [key]);
  if (!words.trim()) return null;
  return found?.ids ?? null;
}
