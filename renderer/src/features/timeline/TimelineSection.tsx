import { Anchor, Badge, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { useSharedLiveQuery } from '../../db/shared-live-query';
import { useWindowRows } from '../../ui/use-window-rows';
import type { DisputeDetail } from '../disputes/dispute-queries';
import { requestFocus } from './focus-request';
import { showKinds, timelineKinds, type TimelineEntry, type TimelineKind } from './timeline';
import { timelineQuery } from './timeline-queries';
import './timeline.css';

const allKinds: string[] = timelineKinds.map((k) => k.value);

/** One entry's height before it is measured: one line of text and its spacing. */
const ENTRY_ESTIMATE_PX = 30;

/** The tabs that scroll to and focus a requested item; the resolution tab is the item itself. */
const focusingTabs = new Set<TimelineEntry['tab']>([
  'proceedings',
  'documents',
  'notes',
  'deadlines',
]);

/**
 * One entry: its date, its kind and a link to its item. A list item of plain elements around
 * Mantine's badge and link (timeline.css lays it out): a Group and a Text per entry were half of
 * the components an entry drew.
 */
const Entry = memo(function Entry({
  entry,
  disputeId,
  index,
  count,
  measure,
}: {
  entry: TimelineEntry;
  disputeId: string;
  index: number;
  count: number;
  measure: (element: HTMLLIElement | null) => void;
}) {
  const when = entry.date
    ? `${formatPartialDate(entry.date)}${entry.time ? `, ${entry.time}` : ''}`
    : 'Date not given';
  return (
    <li
      className="cf-timeline-entry"
      data-index={index}
      ref={measure}
      aria-posinset={index + 1}
      aria-setsize={count}
    >
      <span className="cf-timeline-when">{when}</span>
      <Badge
        variant="light"
        miw={150}
        style={{ flexShrink: 0 }}
        styles={{ label: { color: 'var(--mantine-color-text)' } }}
      >
        {entry.label}
      </Badge>
      <Anchor
        component={Link}
        href={`/disputes/${disputeId}/${entry.tab}`}
        onClick={() => {
          if (focusingTabs.has(entry.tab)) requestFocus(entry.itemId);
        }}
      >
        {entry.title}
      </Anchor>
    </li>
  );
});

/**
 * A list of entries that draws those in view as the window scrolls (ui/use-window-rows.ts): a
 * dispute's story runs to thousands of entries, and every one is reached by scrolling.
 * aria-setsize and aria-posinset tell a screen reader where it is in the whole list; spacers,
 * hidden from it, stand for the entries not drawn.
 */
function EntryList({
  entries,
  disputeId,
  label,
}: {
  entries: TimelineEntry[];
  disputeId: string;
  label: string;
}) {
  const getItemKey = useCallback((index: number) => entries[index]?.key ?? index, [entries]);
  const { startRef, items, virtualizer, paddingTop, paddingBottom } =
    useWindowRows<HTMLUListElement>({
      count: entries.length,
      estimateSize: ENTRY_ESTIMATE_PX,
      getItemKey,
    });
  return (
    <ul className="cf-timeline" aria-label={label} ref={startRef}>
      {paddingTop > 0 && <li aria-hidden="true" style={{ height: paddingTop }} />}
      {items.map((item) => (
        <Entry
          key={item.key}
          entry={entries[item.index]!}
          disputeId={disputeId}
          index={item.index}
          count={entries.length}
          measure={virtualizer.measureElement}
        />
      ))}
      {paddingBottom > 0 && <li aria-hidden="true" style={{ height: paddingBottom }} />}
    </ul>
  );
}

/**
 * The dispute as one story in time (rules in timeline.ts). Each entry is a link to the tab that
 * holds its item, which is scrolled to and focused there. The dispute page holds the timeline
 * live once it is drawn (timeline-queries.ts), so the tab opens with its entries.
 */
export function TimelineSection({ detail }: { detail: DisputeDetail }) {
  const disputeId = detail.dispute.id;
  const whole = useSharedLiveQuery(timelineQuery(disputeId));
  const [shown, setShown] = useState<string[]>(allKinds);
  const timeline = useMemo(
    () => (whole ? showKinds(whole, new Set(shown as TimelineKind[])) : undefined),
    [whole, shown],
  );

  return (
    <Stack>
      <Checkbox.Group label="Show" value={shown} onChange={setShown}>
        <Group mt="xs">
          {timelineKinds.map((k) => (
            <Checkbox key={k.value} value={k.value} label={k.label} />
          ))}
        </Group>
      </Checkbox.Group>
      {timeline === undefined ? null : timeline.dated.length + timeline.undated.length === 0 ? (
        <Text>
          Nothing to show. Dated proceedings, documents, deadlines, notes and the outcome appear
          here in order{shown.length < allKinds.length ? ' (some kinds are hidden)' : ''}.
        </Text>
      ) : (
        <>
          {timeline.dated.length > 0 && (
            <EntryList entries={timeline.dated} disputeId={disputeId} label="Timeline" />
          )}
          {timeline.undated.length > 0 && (
            <>
              <Title order={2} size="h4">
                Undated
              </Title>
              <EntryList entries={timeline.undated} disputeId={disputeId} label="Undated entries" />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
