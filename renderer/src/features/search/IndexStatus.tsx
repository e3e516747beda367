import { Alert, Group, Loader, Text } from '@mantine/core';
import type { SearchAnswer } from '../../search/search-protocol';
import { useIndexState } from '../../search/search-client';

const count = (n: number) => n.toLocaleString('en-GB');

/** The app header's line while the index builds: the app stays usable meanwhile. */
export function IndexProgress() {
  const state = useIndexState();
  if (state.phase !== 'building') return null;
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
