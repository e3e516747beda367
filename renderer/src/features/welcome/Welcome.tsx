import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { openSample } from '../../app/use-menu-commands';
import { db } from '../../db/db';
import { WELCOME_DISMISSED } from './welcome-setting';

export function Welcome() {
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);

  async function startEmpty() {
    await db.settings.put({ key: WELCOME_DISMISSED, value: true });
    navigate('/disputes');
  }

  async function openTheSample() {
    setBusy(true);
    await db.settings.put({ key: WELCOME_DISMISSED, value: true });
    await openSample(navigate);
    setBusy(false);
  }

  return (
    <Card
      withBorder
      maw={680}
      mx="auto"
      mt="xl"
      padding="xl"
      component="section"
      aria-labelledby="welcome-title"
    >
      <Stack>
        <Title order={1} id="welcome-title">
          Welcome to Casefile
        </Title>
        <Text>
          Casefile keeps your patent disputes on this computer: the parties and their counsel, the
          patents asserted, every proceeding and forum, the outcome, and its history. Nothing leaves
          this machine unless you export it.
        </Text>
        <Text>The sample case file holds:</Text>
        <List>
          <List.Item>
            Huawei v. Xiaomi, as announced: the March 2023 action in China over four patents, ended
            by a global cross-licence covering 5G.
          </List.Item>
          <List.Item>Two fictional disputes, one active and one stayed.</List.Item>
        </List>
        <Group>
          <Button onClick={() => void openTheSample()} loading={busy}>
            Open the sample case file
          </Button>
          <Button variant="default" onClick={() => void startEmpty()}>
            Start empty
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          You can open the sample later from the menu.
        </Text>
      </Stack>
    </Card>
  );
}
