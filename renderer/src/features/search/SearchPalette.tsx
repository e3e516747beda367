/**
 * Ctrl/Cmd+K from anywhere (also from inside a text field): a palette that searches everything
 * as the person types, a few best results per kind, arrow keys to choose and Enter to open.
 * "Show all results" (the last action) opens the search page with the same words.
 */
import '@mantine/spotlight/styles.css';
import './search.css';
import { Group, Stack, Text } from '@mantine/core';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { KIND_LABELS } from '../../search/search-items';
import { IndexStatus } from './IndexStatus';
import { openResult } from './open-result';
import { SnippetText } from './SnippetText';
import { useSearch } from './use-search';
import type { SearchAnswer, SearchHit } from '../../search/search-protocol';

export const openSearchPalette = () => spotlight.open();

export function SearchPalette() {
  const [query, setQuery] = useState('');
  const [, navigate] = useLocation();
  const { answer, error } = useSearch(query, { perKind: 4, typing: true });
  const groups = answer?.groups ?? NO_GROUPS;
  const showAll = () => navigate(`/search?${new URLSearchParams({ q: query }).toString()}`);
  // The words typed, for opening a result, without redrawing every result at each keystroke: the
  // results change only when an answer comes (ResultGroups is memoised on it).
  const typed = useRef(query);
  useLayoutEffect(() => {
    typed.current = query;
  }, [query]);
  const open = useCallback(
    (hit: SearchHit) => openResult(hit, typed.current, navigate),
    [navigate],
  );

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      size="xl"
    >
      <Spotlight.Search
        placeholder="Find disputes, notes, filings, patents, case numbers…"
        aria-label="Search everything"
      />
      <Spotlight.ActionsList aria-label="Search results">
        <IndexStatus answer={answer} />
        {error && <Spotlight.Empty>{error}</Spotlight.Empty>}
        {query.trim() && answer && groups.length === 0 && (
          <Spotlight.Empty>Nothing found for “{query.trim()}”.</Spotlight.Empty>
        )}
        <ResultGroups groups={groups} onOpen={open} />
        {query.trim() && (
          <Spotlight.Action onClick={showAll} aria-label="Show all results">
            <Text size="sm">Show all results for “{query.trim()}”</Text>
          </Spotlight.Action>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

const NO_GROUPS: SearchAnswer['groups'] = [];

const ResultGroups = memo(function ResultGroups({
  groups,
  onOpen,
}: {
  groups: SearchAnswer['groups'];
  onOpen: (hit: SearchHit) => void;
}) {
  return groups.map((group) => (
    <Spotlight.ActionsGroup
      key={group.kind}
      label={`${KIND_LABELS[group.kind]} (${group.total.toLocaleString('en-GB')}${group.capped ? '+' : ''})`}
    >
      {group.hits.map((hit) => (
        <Spotlight.Action
          key={`${hit.key}#${hit.page}`}
          onClick={() => onOpen(hit)}
          aria-label={resultLabel(hit)}
        >
          <Stack gap={2} align="start" w="100%">
            <Group gap="xs" wrap="nowrap">
              <Text fw={600} size="sm">
                {hit.title}
              </Text>
              {hit.page > 0 && <Text size="xs">page {hit.page}</Text>}
            </Group>
            {hit.kind !== 'dispute' && hit.disputeTitle && (
              <Text size="xs">{hit.disputeTitle}</Text>
            )}
            <SnippetText segments={hit.snippet} />
          </Stack>
        </Spotlight.Action>
      ))}
    </Spotlight.ActionsGroup>
  ));
});

/** What a screen reader hears for a result: what it is, where, and which page. */
export function resultLabel(hit: {
  kind: keyof typeof KIND_LABELS;
  title: string;
  disputeTitle: string;
  page: number;
}): string {
  const kind = KIND_LABELS[hit.kind].replace(/s$/, '').toLowerCase();
  const where = hit.kind !== 'dispute' && hit.disputeTitle ? ` in ${hit.disputeTitle}` : '';
  return `${kind} ${hit.title}${hit.page > 0 ? `, page ${hit.page}` : ''}${where}`;
}
