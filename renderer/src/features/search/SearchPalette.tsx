/**
 * Ctrl/Cmd+K from anywhere (also from inside a text field): a palette that searches everything
 * as the person types, a few best results per kind, arrow keys to choose and Enter to open.
 * "Show all results" (the last action) opens the search page with the same words.
 *
 * Typing redraws only the input and the "Show all" line; the results are redrawn when an answer
 * comes. Mantine's own search field writes each keystroke into the spotlight's store, which
 * redrew the whole palette (its modal and every result) three times per keystroke and laid the
 * page out again to scroll the first result into view, before the answer was even asked for. So
 * the words live in this palette's state, and the arrow keys and Enter move the selection over
 * the results the way Spotlight.Search does (the same data-selected mark on the actions).
 */
import '@mantine/spotlight/styles.css';
import './search.css';
import { Input, Text } from '@mantine/core';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import {
  memo,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useLocation } from 'wouter';
import { KIND_LABELS } from '../../search/search-items';
import { IndexStatus } from './IndexStatus';
import { openResult } from './open-result';
import { SnippetText } from './SnippetText';
import { useSearch } from './use-search';
import type { SearchAnswer, SearchHit } from '../../search/search-protocol';

const [paletteStore, palette] = createSpotlight();

export const openSearchPalette = () => palette.open();

export function SearchPalette() {
  return (
    <Spotlight.Root
      store={paletteStore}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      size="xl"
      // A dimmed page behind, not a blurred one: the blur is drawn again for every frame in
      // which the palette changes, and where Chromium draws without a GPU (virtual desktops,
      // this project's test machines) that cost the compositor ~80 ms of CPU a keystroke, which
      // the results waited for (npm run bench -- --only search).
      overlayProps={{ backgroundOpacity: 0.35 }}
    >
      {/* Mounted while the palette is open: its words start empty each time it opens. */}
      <PaletteBody />
    </Spotlight.Root>
  );
}

function PaletteBody() {
  const [query, setQuery] = useState('');
  const [, navigate] = useLocation();
  const { answer, error, loading } = useSearch(query, { perKind: 4, typing: true });
  const groups = answer?.groups ?? NO_GROUPS;
  const listId = `search-results-${useId().replace(/[^\w-]/g, '')}`;
  const list = () => document.getElementById(listId);
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
  // The first result is chosen when the answer for new words arrives (and "Show all" before any
  // answer); an answer for the same words (the index caught up with a write) keeps the one chosen
  // with the arrow keys.
  const hasWords = query.trim() !== '';
  const selectedFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    const actions = list();
    if (!actions) return;
    const chosen = actions.querySelector('[data-action][data-selected]');
    if (chosen && selectedFor.current === typed.current) return;
    selectedFor.current = typed.current;
    moveSelection(actions, 'first');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new answer, not each keystroke
  }, [answer, hasWords]);
  const composing = useRef(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (composing.current) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(list(), event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      list()?.querySelector<HTMLElement>('[data-action][data-selected]')?.click();
    }
  };

  return (
    <>
      <Input
        size="lg"
        className={Spotlight.classes.search}
        classNames={{ input: Spotlight.classes.search }}
        placeholder="Find disputes, notes, filings, patents, case numbers…"
        aria-label="Search everything"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
        data-autofocus
      />
      {/* A plain scrolling list rather than Spotlight.ActionsList: its ScrollArea measured the
          list after each answer and added or removed its scrollbar in a later frame, so an answer
          was drawn twice. */}
      <div
        id={listId}
        aria-label="Search results"
        // Busy until the answer for the words typed is in: what is shown meanwhile is the last one.
        aria-busy={loading}
        className={`${Spotlight.classes.actionsList} cf-palette-results`}
      >
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
      </div>
    </>
  );
}

/**
 * Marks the next, previous or first action of the list as chosen (wrapping round at either
 * end) and scrolls it into view: what Spotlight.Search does with the same data-selected mark.
 */
function moveSelection(list: HTMLElement | null, step: 1 | -1 | 'first') {
  if (!list) return;
  const actions = [...list.querySelectorAll<HTMLElement>('[data-action]')];
  const current = actions.findIndex((action) => action.hasAttribute('data-selected'));
  actions[current]?.removeAttribute('data-selected');
  if (actions.length === 0) return;
  const next = step === 'first' ? 0 : current < 0 && step < 0 ? actions.length - 1 : current + step;
  const chosen = actions[(next + actions.length) % actions.length]!;
  chosen.setAttribute('data-selected', 'true');
  if (step !== 'first') chosen.scrollIntoView({ block: 'nearest' });
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
          {/* Plain elements styled in search.css rather than Mantine's Stack, Group and Text:
              the palette redraws its rows at each answer, while the person waits for them. */}
          <span className="cf-hit">
            <span className="cf-hit-head">
              <span className="cf-hit-title">{hit.title}</span>
              {hit.page > 0 && <span className="cf-hit-small">page {hit.page}</span>}
            </span>
            {hit.kind !== 'dispute' && hit.disputeTitle && (
              <span className="cf-hit-small">{hit.disputeTitle}</span>
            )}
            <SnippetText segments={hit.snippet} inline />
          </span>
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
