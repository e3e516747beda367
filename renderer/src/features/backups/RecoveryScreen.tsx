import { Alert, Button, Container, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../../../shared/backups';
import { keepDatabaseAside } from '../../db/database-recovery';
import type { DatabaseProblem } from '../../db/db-health';
import { host, isDesktop } from '../../host/host';
import { reportError } from '../../ui/zod-form';
import { formatDate } from './backup-format';

/** Read by PendingRestore on the next start, once the empty database has opened. */
export const PENDING_RESTORE_KEY = 'casefile.restoreOnStart';

type Props = { problem: Extract<DatabaseProblem, { kind: 'open-failed' }> };

/**
 * Shown instead of the app when the database cannot be opened, so the window is never blank and
 * no choice here deletes anything: the damaged database is kept aside (database-recovery.ts).
 */
export function RecoveryScreen({ problem }: Props) {
  const [backups, setBackups] = useState<BackupSummary[] | undefined>(undefined);
  const [keptAside, setKeptAside] = useState<string | null>(null);

  useEffect(() => {
    host
      .listBackups({})
      .then((list) => setBackups([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))))
      .catch(() => setBackups([]));
  }, []);

  function startAgain(restore?: BackupSummary): void {
    const { keptAside: name } = keepDatabaseAside(localStorage);
    if (restore) {
      localStorage.setItem(
        PENDING_RESTORE_KEY,
        JSON.stringify({ name: restore.name, size: restore.size }),
      );
    }
    setKeptAside(name);
    window.location.reload();
  }

  async function revealDataFolder(): Promise<void> {
    try {
      await host.revealDataFolder({});
    } catch (error) {
      reportError(error, 'The data folder cannot be shown');
    }
  }

  const newest = backups?.[0];
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>Casefile cannot open your case files</Title>
        <Alert color="red" role="alert" title="What happened">
          {problem.message}
          <Text size="xs" mt="xs" c="dimmed">
            Details for support: {problem.detail}
          </Text>
        </Alert>
        {keptAside && (
          <Text component="output" display="block">
            The damaged database “{keptAside}” is kept aside; Casefile is starting again.
          </Text>
        )}
        <Title order={2} size="h4">
          Backups
        </Title>
        {backups === undefined ? (
          <Text>Looking for backups…</Text>
        ) : backups.length === 0 ? (
          <Text>
            {isDesktop
              ? 'No backups were found in the backups folder.'
              : 'This browser holds no backup: start with an empty database, then use “Restore from a file…” on the Backups page with a backup you downloaded.'}
          </Text>
        ) : (
          <List aria-label="Backups">
            {backups.map((backup) => (
              <List.Item key={backup.name}>
                {formatDate(backup.createdAt)} ({backup.name})
              </List.Item>
            ))}
          </List>
        )}
        <Group>
          <Button disabled={!newest} onClick={() => newest && startAgain(newest)}>
            Restore from the newest backup
          </Button>
          <Button variant="default" onClick={() => void revealDataFolder()}>
            Show data folder
          </Button>
          <Button variant="default" onClick={() => startAgain()}>
            Start with an empty database (the damaged one is kept aside)
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
