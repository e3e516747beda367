import { Button, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { patentName, proceedingName } from '../../../../shared/domain/display-names';
import { plural } from '../../../../shared/text/plural';
import { db } from '../../db/db';
import type { DisputeDetail } from './dispute-queries';
import { formatHistoryEntry, groupByDay, type NameLookup } from './history-format';

/** Entries read at first; older ones a click away, so a long-running matter opens at once. */
const PAGE_SIZE = 200;

function time(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(iso));
}

/** Names of what is still on file, for entries written before the log kept names itself. */
function currentNames(detail: DisputeDetail): NameLookup {
  const names = new Map<string, string>();
  for (const o of detail.organisations) names.set(o.id, o.name);
  for (const p of detail.proceedings) names.set(p.id, proceedingName(p));
  for (const a of detail.assertions) if (a.patent) names.set(a.patentId, patentName(a.patent));
  const partyNames = new Map(
    detail.parties.flatMap((p) => (p.organisation ? [[p.id, p.organisation.name] as const] : [])),
  );
  return {
    nameOf: (id) => names.get(id),
    subjectOf: (entity, id) => (entity === 'party' ? partyNames.get(id) : undefined),
  };
}

/** The audit log of one dispute and everything in it, newest first, grouped by day. */
export function HistorySection({ detail }: { detail: DisputeDetail }) {
  const disputeId = detail.dispute.id;
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Within one disputeId the index runs in primary-key (seq) order: newest first, a page at most.
  const page = useLiveQuery(async () => {
    const [entries, total] = await Promise.all([
      db.audit.where('disputeId').equals(disputeId).reverse().limit(limit).toArray(),
      db.audit.where('disputeId').equals(disputeId).count(),
    ]);
    return { entries, total };
  }, [disputeId, limit]);
  const lookup = useMemo(() => currentNames(detail), [detail]);
  const days = useMemo(
    () => groupByDay((page?.entries ?? []).map((e) => formatHistoryEntry(e, lookup))),
    [page, lookup],
  );
  if (!page) return <Loader aria-label="Loading the history" />;
  return (
    <Stack component="section" aria-label="History" gap="lg">
      {days.length === 0 && <Text>No changes recorded yet.</Text>}
      {days.map((day) => (
        <Stack key={day.day} gap="xs">
          <Title order={2} size="h5">
            {formatPartialDate(day.day)}
          </Title>
          <List spacing="sm" listStyleType="none" ml={0} pl={0}>
            {day.items.map((item) => (
              <List.Item key={item.key}>
                <Text size="sm">
                  <Text span c="dimmed" size="sm" mr="xs">
                    {time(item.at)}
                  </Text>
                  <Text span fw={600} size="sm">
                    {item.headline}
                  </Text>
                </Text>
                {item.lines.length > 0 && (
                  <List size="sm" ml="md" spacing={0} withPadding>
                    {item.lines.map((line, index) => (
                      <List.Item key={`${line.label}-${index}`}>
                        {line.label}: {line.text}
                      </List.Item>
                    ))}
                  </List>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
      {page.total > page.entries.length && (
        <Button variant="default" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          Show older changes ({plural(page.total - page.entries.length, 'more change')})
        </Button>
      )}
    </Stack>
  );
}
