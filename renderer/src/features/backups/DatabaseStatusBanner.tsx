import { Alert, Button, Stack } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { databaseProblems, subscribeToDatabaseProblems } from '../../db/db-health';

/** What is wrong with the database, if anything, at the top of every screen until resolved. */
export function DatabaseStatusBanner() {
  const problems = useSyncExternalStore(subscribeToDatabaseProblems, databaseProblems);
  if (problems.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {problems.map((problem) => (
        <Alert key={problem.kind} color="red" role="alert" title="Your case files need attention">
          {problem.message}
          {problem.kind === 'versionchange' && (
            <Button size="xs" mt="xs" variant="white" onClick={() => window.location.reload()}>
              Reload this window
            </Button>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
