/**
 * The search page (/search?q=…): every kind's results, ranked, with filter chips by kind and by
 * the dispute's status. The words live in the address, so the page can be bookmarked in a
 * browser and comes back as it was after opening a result.
 */
import './search.css';
import { Anchor, Chip, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearch as useAddressSearch } from 'wouter';
import { disputeStatus } from '../../../../shared/domain/vocabulary';
import { KIND_LABELS, SEARCH_KINDS, type SearchKind } from '../../search/search-items';
import { IndexStatus } from './IndexStatus';
import { openResult, resultHref } from './open-result';
import { resultLabel } from './SearchPalette';
import { SnippetText } from './SnippetText';
import { useSearch } from './use-search';

export function SearchPage() {
  const params = new URLSearchParams(useAddressSearch());
  const [, navigate] = useLocation();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const input = useRef<HTMLInputElement>(null);
  // The page is where "Show all results" and the menu lead: the words are ready to refine.
  useEffect(() => input.current?.focus(), []);
  const [kinds, setKinds] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<string[]>([]);
  const { answer, loading, error } = useSearch(query, {
    kinds: kinds as SearchKind[],
    statuses,
    perKind: kinds.length === 1 ? 200 : 20,
    typing: true,
  });

  function changeQuery(value: string) {
    setQuery(value);
    navigate(`/search?${new URLSearchParams({ q: value }).toString()}`, { replace: true });
  }

  const groups = answer?.groups ?? [];
  return (
    <Stack>
      <Title order={1}>Search</Title>
      <TextInput
        label="Search every case file"
        description='All words must match. "Exact phrase" in quotes, -word to leave out.'
        value={query}
        onChange={(event) => changeQuery(event.currentTarget.value)}
        ref={input}
        rightSection={loading ? <Loader size="xs" aria-label="Searching" /> : null}
      />
      <Chip.Group multiple value={kinds} onChange={setKinds}>
        <fieldset className="cf-chips">
          <legend>Kinds</legend>
          {SEARCH_KINDS.map((kind) => (
            <Chip key={kind} value={kind} size="sm">
              {KIND_LABELS[kind]}
            </Chip>
          ))}
        </fieldset>
      </Chip.Group>
      <Chip.Group multiple value={statuses} onChange={setStatuses}>
        <fieldset className="cf-chips">
          <legend>Dispute status</legend>
          {disputeStatus.options.map((option) => (
            <Chip key={option.value} value={option.value} size="sm" variant="outline">
              {option.label}
            </Chip>
          ))}
        </fieldset>
      </Chip.Group>
      <IndexStatus answer={answer} />
      {error && <Text c="red">{error}</Text>}
      {query.trim() && answer && groups.length === 0 && (
        <Text>Nothing found for “{query.trim()}”.</Text>
      )}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`results-${group.kind}`}>
          <Title order={2} size="h4" id={`results-${group.kind}`} mb="xs">
            {KIND_LABELS[group.kind]} ({group.total.toLocaleString('en-GB')}
            {group.capped ? '+' : ''})
          </Title>
          <Stack
            gap="sm"
            component="ol"
            className="cf-results"
            aria-label={KIND_LABELS[group.kind]}
          >
            {group.hits.map((hit) => (
              <li key={`${hit.key}#${hit.page}`}>
                <Anchor
                  href={`#${resultHref(hit, query)}`}
                  aria-label={resultLabel(hit)}
                  onClick={(event) => {
                    event.preventDefault();
                    openResult(hit, query, navigate);
                  }}
                  fw={600}
                >
                  {hit.title}
                  {hit.page > 0 ? ` — page ${hit.page}` : ''}
                </Anchor>
                {hit.kind !== 'dispute' && hit.disputeTitle && (
                  <Text size="xs">{hit.disputeTitle}</Text>
                )}
                <SnippetText segments={hit.snippet} />
              </li>
            ))}
          </Stack>
          {group.total > group.hits.length && (
            <Text size="sm" c="dimmed">
              Showing {group.hits.length} of {group.total}. Choose “{KIND_LABELS[group.kind]}” above
              to see more.
            </Text>
          )}
        </section>
      ))}
    </Stack>
  );
}
