import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { db } from '../../db/db';
import type { DisputeDetail } from '../disputes/dispute-queries';
import { requestFocus } from './focus-request';
import { buildTimeline, timelineKinds, type TimelineEntry, type TimelineKind } from './timeline';
import { loadTimelineSources } from './timeline-queries';
import './timeline.css';

const allKinds: string[] = timelineKinds.map((k) => k.value);

/** Entries drawn at first; a matter with thousands of notes still opens at once. */
const PAGE_SIZE = 200;

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
 * the components the first 200 entries drew.
 */
function Entry({ entry, disputeId }: { entry: TimelineEntry; disputeId: string }) {
  const when = entry.date
    ? `${formatPartialDate(entry.date)}${entry.time ? `, ${entry.time}` : ''}`
    : 'Date not given';
  return (
    <li className="cf-timeline-entry">
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
}

/**
 * The dispute as one story in time (rules in timeline.ts). Each entry is a link to the tab that
 * holds its item, which is scrolled to and focused there.
 */
export function TimelineSection({ detail }: { detail: DisputeDetail }) {
  const disputeId = detail.dispute.id;
  const sources = useLiveQuery(() => loadTimelineSources(db, disputeId), [disputeId]);
  const [shown, setShown] = useState<string[]>(allKinds);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const timeline = useMemo(
    () => (sources ? buildTimeline(sources, new Set(shown as TimelineKind[])) : undefined),
    [sources, shown],
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
            <ul className="cf-timeline" aria-label="Timeline">
              {timeline.dated.slice(0, limit).map((entry) => (
                <Entry key={entry.key} entry={entry} disputeId={disputeId} />
              ))}
            </ul>
          )}
          {timeline.dated.length > limit && (
            <Button variant="default" onClick={() => setLimit(limit + PAGE_SIZE)}>
              Show {Math.min(PAGE_SIZE, timeline.dated.length - limit)} more entries (
              {timeline.dated.length - limit} later ones not shown)
            </Button>
          )}
          {timeline.undated.length > 0 && (
            <>
              <Title order={2} size="h4">
                Undated
              </Title>
              <ul className="cf-timeline" aria-label="Undated entries">
                {timeline.undated.map((entry) => (
                  <Entry key={entry.key} entry={entry} disputeId={disputeId} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
