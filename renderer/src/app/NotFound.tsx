import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';

export function NotFound() {
  return (
    <Stack>
      <Title order={1}>Page not found</Title>
      <Text>This page does not exist in Casefile.</Text>
      <Anchor component={Link} href="/disputes">
        Go to the disputes
      </Anchor>
    </Stack>
  );
}
