import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';
import { Router } from 'wouter';
import { databaseProblems, subscribeToDatabaseProblems } from '../db/db-health';
import { PendingRestore } from '../features/backups/PendingRestore';
import { RecoveryScreen } from '../features/backups/RecoveryScreen';
import { AppRoutes } from './AppRoutes';
import { useHashPath, useHashSearch } from './hash-location';
import { cssVariablesResolver, theme } from './theme';

/**
 * Hash routing: the page is always index.html, under casefile://app/ and under a web server; a
 * page's query lives inside the hash too (see hash-location.ts). A database that cannot be opened
 * gets the recovery screen instead of the app, never a blank window.
 */
export function App() {
  const problems = useSyncExternalStore(subscribeToDatabaseProblems, databaseProblems);
  const openFailure = problems.find((problem) => problem.kind === 'open-failed');
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={cssVariablesResolver}
    >
      <Notifications position="top-right" />
      {openFailure ? (
        <RecoveryScreen problem={openFailure} />
      ) : (
        // oxlint-disable-next-line react-hooks/rules-of-hooks -- wouter takes the hook itself and calls it as a hook
        <Router hook={useHashPath} searchHook={useHashSearch}>
          <PendingRestore />
          <AppRoutes />
        </Router>
      )}
    </MantineProvider>
  );
}
