import { Alert, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SearchAnswer } from '../../search/search-protocol';
import { useIndexState } from '../../search/search-client';

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * How long the index catches up before the header says so. A save, or the sample opened, is
 * indexed in well under a second: a line that flashed up and away at each (twice as the sample
 * opened), and was announced each time, told the person nothing.
 */
export const PROGRESS_AFTER_MS = 800;

/** The app header's line while the index builds: the app stays usable meanwhile. */
export function IndexProgress() {
  const state = useIndexState();
  const lasting = useLasting(state.phase === 'building', PROGRESS_AFTER_MS);
  if (state.phase !== 'building' || !lasting) return null;
  return (
    <output aria-live="polite">
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" aria-hidden />
        <Text size="sm">
          Indexing {count(state.progress.done)} of {count(state.progress.total)} items
        </Text>
      </Group>
    </output>
  );
}

/** True once `on` has held for `ms` on end; false again as soon as it does not. */
function useLasting(on: boolean, ms: number): boolean {
  const [lasting, setLasting] = useState(false);
  useEffect(() => {
    if (!on) return;
    const timer = setTimeout(() => setLasting(true), ms);
    return () => {
      clearTimeout(timer);
      setLasting(false);
    };
  }, [on, ms]);
  return on && lasting;
}

/** Beside results: whether they cover everything, or only what has been indexed so far. */
export function IndexStatus({ answer }: { answer?: SearchAnswer | null }) {
  const state = useIndexState();
  const building = state.phase === 'building' ? state.progress : (answer?.building ?? null);
  if (state.phase === 'failed') {
    return (
      <Alert color="red" title="Search is not available">
        {state.message}
      </Alert>
    );
  }
  if (!building) return null;
  return (
    <Text size="sm" c="dimmed" px="sm">
      Still indexing ({count(building.done)} of {count(building.total)} items): these results cover
      only what is indexed so far.
    </Text>
  );
}
