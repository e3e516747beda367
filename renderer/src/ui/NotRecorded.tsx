import { Text } from '@mantine/core';

/** The one way an empty value reads, on every screen and in print. */
export const NOT_RECORDED = 'Not recorded';

export function NotRecorded() {
  return (
    <Text span c="dimmed" fs="italic" inherit>
      {NOT_RECORDED}
    </Text>
  );
}
