import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Router } from 'wouter';
import { AppRoutes } from './AppRoutes';
import { useHashPath, useHashSearch } from './hash-location';
import { cssVariablesResolver, theme } from './theme';

/**
 * Hash routing: the page is always index.html, under casefile://app/ and under a web server; a
 * page's query lives inside the hash too (see hash-location.ts).
 */
export function App() {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={cssVariablesResolver}
    >
      <Notifications position="top-right" />
      {/* oxlint-disable-next-line react-hooks/rules-of-hooks -- wouter takes the hook itself and calls it as a hook */}
      <Router hook={useHashPath} searchHook={useHashSearch}>
        <AppRoutes />
      </Router>
    </MantineProvider>
  );
}
