/**
 * The Trash: what was deleted in the last 30 days, newest first, each with "Restore", which puts
 * back the record and everything its delete took. Built for 10,000 entries: the list is
 * virtualised and read a page at a time by index (never the whole table); the count is live, and
 * a change to it (a delete, a restore) drops the pages read so far.
 */
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import type { TrashEntry } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { purgeDate, restoreFromTrash, trashCount, trashPage } from '../../db/trash';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';

const PAGE = 100;
const ROW_HEIGHT = 64;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

function usePagedTrash(disputeId: string | undefined) {
  const count = useLiveQuery(() => trashCount(db, disputeId), [disputeId]);
  // Pages read so far belong to one count of one list: a delete or restore starts afresh.
  const key = `${disputeId ?? ''}:${count ?? ''}`;
  const [cache, setCache] = useState<{ key: string; pages: Map<number, TrashEntry[]> }>({
    key,
    pages: new Map(),
  });
  const loading = useRef(new Set<string>());
  const pages = cache.key === key ? cache.pages : new Map<number, TrashEntry[]>();

  function entryAt(index: number): TrashEntry | undefined {
    const page = Math.floor(index / PAGE);
    const rows = pages.get(page);
    if (rows) return rows[index % PAGE];
    const token = `${key}#${page}`;
    if (!loading.current.has(token)) {
      loading.current.add(token);
      trashPage(db, { disputeId, offset: page * PAGE, limit: PAGE })
        .then((loaded) =>
          setCache((current) => ({
            key,
            pages: new Map(current.key === key ? current.pages : []).set(page, loaded),
          })),
        )
        .catch((error: unknown) => reportError(error, 'The trash could not be read'));
    }
    return undefined;
  }
  return { count, entryAt };
}

async function restore(entry: TrashEntry) {
  try {
    await restoreFromTrash(db, entry.id);
    notifyDone('Restored', entry.summary.replace(/^Deleted/, 'Restored'));
  } catch (error) {
    reportError(error, 'It was not restored');
  }
}

export function TrashPage({ disputeId }: { disputeId?: string }) {
  const { count, entryAt } = usePagedTrash(disputeId);
  const dispute = useLiveQuery(
    () => (disputeId ? db.disputes.get(disputeId) : undefined),
    [disputeId],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // oxlint-disable-next-line react/incompatible-library -- TanStack Virtual's functions cannot be memoised by the React Compiler; this list re-renders on scroll by design.
  const virtualizer = useVirtualizer({
    count: count ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <Stack>
      <Title order={1}>{dispute ? `Trash of “${dispute.title}”` : 'Trash'}</Title>
      <Text c="dimmed" maw={720}>
        Deleted records stay here for 30 days with everything their delete took with them, then are
        removed for good. Restoring one puts it all back.
        {disputeId && (
          <>
            {' '}
            <Anchor component={Link} href="/trash">
              See the whole trash
            </Anchor>
          </>
        )}
      </Text>
      {count === undefined ? null : count === 0 ? (
        <Text>The trash is empty.</Text>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {count} {count === 1 ? 'item' : 'items'} in the trash
          </Text>
          <div
            ref={scroller}
            style={{ height: 'min(70vh, 720px)', overflow: 'auto', position: 'relative' }}
          >
            <ul
              aria-label="Deleted items"
              style={{
                height: virtualizer.getTotalSize(),
                position: 'relative',
                listStyle: 'none',
                margin: 0,
                padding: 0,
              }}
            >
              {virtualizer.getVirtualItems().map((row) => {
                const entry = entryAt(row.index);
                return (
                  <li
                    key={row.key}
                    aria-label={entry?.summary ?? 'Loading'}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${row.start}px)`,
                      borderBottom: '1px solid var(--mantine-color-gray-3)',
                    }}
                  >
                    {entry && (
                      <Group justify="space-between" wrap="nowrap" h="100%" px="xs">
                        <Stack gap={0}>
                          <Text size="sm" fw={500} lineClamp={1}>
                            {entry.summary}
                          </Text>
                          <Text size="xs" c="dimmed">
                            Deleted {dateTime.format(new Date(entry.deletedAt))}; removed for good
                            on {dateOnly.format(purgeDate(entry))}
                          </Text>
                        </Stack>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Restore: ${entry.summary}`}
                          onClick={() => void restore(entry)}
                        >
                          Restore
                        </Button>
                      </Group>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
    </Stack>
  );
}
