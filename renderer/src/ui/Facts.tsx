import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { NotRecorded } from './NotRecorded';

export type Fact = { label: string; value: ReactNode };

/** A description list of label/value pairs; empty values read "Not recorded". */
export function Facts({ facts, cols = 2 }: { facts: Fact[]; cols?: number }) {
  return (
    <SimpleGrid cols={cols} component="dl" spacing="md" verticalSpacing="xs" m={0}>
      {facts.map((fact) => (
        <Stack key={fact.label} gap={0}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0} className="cf-prewrap">
            {fact.value === '' || fact.value === null || fact.value === undefined ? (
              <NotRecorded />
            ) : (
              fact.value
            )}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
