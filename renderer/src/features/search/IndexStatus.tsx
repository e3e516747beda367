import { Alert, Group, Loader, Text } from '@mantine/core';
import type { SearchAnswer } from '../../search/search-protocol';
import { useIndexState } from '../../search/search-client';

const count = (n: number) => n.toLocaleString('en-GB');

/** Says whether the answers cover everything, or only what has been indexed so far. */
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
    <output aria-live="polite">
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">
          Indexing {count(building.done)} of {count(building.total)} items. Results so far cover
          only what is indexed.
        </Text>
      </Group>
    </output>
  );
}
