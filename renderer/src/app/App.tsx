import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Router, useLocation } from 'wouter';
import { AppRoutes } from './AppRoutes';
import { useHashPath, useHashSearch } from './hash-location';
import { applyDensity } from './preferences';
import { cssVariablesResolver, theme } from './theme';

applyDensity();

/**
 * The colour scheme follows the operating system until the person picks one in the menu (Mantine
 * remembers it). Print pages are paper: always light, whatever the screen shows.
 */
function ThemedApp() {
  const [location] = useLocation();
  const printing = location.startsWith('/print/');
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      forceColorScheme={printing ? 'light' : undefined}
      cssVariablesResolver={cssVariablesResolver}
    >
      {/* Bottom right: a message never covers the header's menu or a form's buttons. */}
      <Notifications position="bottom-right" />
      <AppRoutes />
    </MantineProvider>
  );
}

/**
 * Hash routing: the page is always index.html, under casefile://app/ and under a web server; a
 * page's query lives inside the hash too (see hash-location.ts).
 */
export function App() {
  return (
    // oxlint-disable-next-line react-hooks/rules-of-hooks -- wouter takes the hook itself and calls it as a hook
    <Router hook={useHashPath} searchHook={useHashSearch}>
      <ThemedApp />
    </Router>
  );
}
