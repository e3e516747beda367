import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useSyncExternalStore } from 'react';
import { Router } from 'wouter';
import { db } from '../db/db';
import {
  databaseProblems,
  subscribeToDatabaseProblems,
  type DatabaseProblem,
} from '../db/db-health';
import { PendingRestore } from '../features/backups/PendingRestore';
import { RecoveryScreen } from '../features/backups/RecoveryScreen';
import { AppRoutes } from './AppRoutes';
import { useHashPath, useHashPathIs, useHashSearch } from './hash-location';
import { appearanceColorSchemeManager, applyDensity, restoreAppearance } from './preferences';
import { cssVariablesResolver, theme } from './theme';

applyDensity();
const colorSchemeManager = appearanceColorSchemeManager(db);

type OpenFailure = Extract<DatabaseProblem, { kind: 'open-failed' }>;

const isPrintPage = (path: string) => path.startsWith('/print/');

/**
 * The colour scheme follows the operating system until the person picks one in the menu (kept as
 * ./preferences.ts says). Print pages are paper: always light, whatever the screen shows.
 */
function ThemedApp({ openFailure }: { openFailure: OpenFailure | undefined }) {
  // Not useLocation: at every navigation it redrew the whole app from here, Mantine's provider
  // recomputing every CSS variable of the theme included (about 13 ms of each tab switch).
  const printing = useHashPathIs(isPrintPage);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      forceColorScheme={printing ? 'light' : undefined}
      cssVariablesResolver={cssVariablesResolver}
    >
      {/* Bottom right: a message never covers the header's menu or a form's buttons. */}
      <Notifications position="bottom-right" />
      {openFailure ? (
        <RecoveryScreen problem={openFailure} />
      ) : (
        <>
          <PendingRestore />
          <AppRoutes />
        </>
      )}
    </MantineProvider>
  );
}

/**
 * Hash routing: the page is always index.html, under casefile://app/ and under a web server; a
 * page's query lives inside the hash too (see hash-location.ts). A database that cannot be opened
 * gets the recovery screen instead of the app, never a blank window.
 */
export function App() {
  const problems = useSyncExternalStore(subscribeToDatabaseProblems, databaseProblems);
  const openFailure = problems.find(
    (problem): problem is OpenFailure => problem.kind === 'open-failed',
  );
  // One small read: not held for the first screen, so a choice put back shows at once.
  useEffect(() => void restoreAppearance(db).catch(() => undefined), []);
  return (
    // oxlint-disable-next-line react-hooks/rules-of-hooks -- wouter takes the hook itself and calls it as a hook
    <Router hook={useHashPath} searchHook={useHashSearch}>
      <ThemedApp openFailure={openFailure} />
    </Router>
  );
}
