import { AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { DatabaseStatusBanner } from '../features/backups/DatabaseStatusBanner';
import { useAutomaticBackups } from '../features/backups/use-automatic-backups';
import { useTextExtraction } from '../features/documents/use-text-extraction';
import { useOcr } from '../features/ocr/use-ocr';
import { IndexProgress } from '../features/search/IndexStatus';
import { SearchPalette } from '../features/search/SearchPalette';
import { useSearchIndex } from '../features/search/use-search-index';
import { AppMenu } from './AppMenu';
import { useMenuCommands } from './use-menu-commands';
import { usePurgeTrashAtStart } from '../features/trash/use-purge-at-start';
import { afterFirstScreen } from '../ui/first-screen';
import { preloadScreens } from './screens';

/** The other screens' scripts, fetched in idle moments once the first screen is drawn. */
function usePreloadScreens(): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    const cancel = afterFirstScreen(() => {
      stop = preloadScreens();
    });
    return () => {
      cancel();
      stop?.();
    };
  }, []);
}

const sections = [
  { href: '/home', label: 'Home' },
  { href: '/disputes', label: 'Disputes' },
  { href: '/search', label: 'Search' },
  { href: '/organisations', label: 'Organisations' },
  { href: '/patents', label: 'Patents' },
  { href: '/backups', label: 'Backups' },
];

/** Below this width the navigation folds into a menu button, leaving the page its full width. */
const NAVBAR_BREAKPOINT = 'lg';

export function AppLayout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const actions = useMenuCommands();
  // Each of these starts once the first screen is drawn (see ui/first-screen.ts).
  // What has been in the trash for 30 days goes, once per start, in the background.
  usePurgeTrashAtStart();
  // Text extraction resumes at start and follows every attachment, whichever screen is open.
  useTextExtraction();
  // OCR of scanned files and images, in the background, resuming where it stopped.
  useOcr();
  // Daily backups while the app runs, whichever screen is open (desktop only).
  useAutomaticBackups();
  // The search index catches up at start and follows every write, whichever screen is open.
  useSearchIndex();
  usePreloadScreens();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom={NAVBAR_BREAKPOINT}
              size="sm"
              aria-label={navOpened ? 'Hide the sections' : 'Show the sections'}
              aria-expanded={navOpened}
            />
            <Title order={2} size="h3">
              Casefile
            </Title>
          </Group>
          <IndexProgress />
          <AppMenu actions={actions} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {sections.map((section) => (
          <NavLink
            key={section.href}
            component={Link}
            href={section.href}
            label={section.label}
            active={location.startsWith(section.href)}
            variant="filled"
            aria-current={location.startsWith(section.href) ? 'page' : undefined}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <DatabaseStatusBanner />
        {children}
      </AppShell.Main>
      {actions.dialogs}
      <SearchPalette />
    </AppShell>
  );
}
