import { AppShell, Group, NavLink, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { DatabaseStatusBanner } from '../features/backups/DatabaseStatusBanner';
import { useAutomaticBackups } from '../features/backups/use-automatic-backups';
import { useTextExtraction } from '../features/documents/use-text-extraction';
import { IndexProgress } from '../features/search/IndexStatus';
import { SearchPalette } from '../features/search/SearchPalette';
import { useSearchIndex } from '../features/search/use-search-index';
import { AppMenu } from './AppMenu';
import { useMenuCommands } from './use-menu-commands';

const sections = [
  { href: '/home', label: 'Home' },
  { href: '/disputes', label: 'Disputes' },
  { href: '/search', label: 'Search' },
  { href: '/backups', label: 'Backups' },
];

export function AppLayout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const actions = useMenuCommands();
  // Text extraction resumes at start and follows every attachment, whichever screen is open.
  useTextExtraction();
  // Daily backups while the app runs, whichever screen is open (desktop only).
  useAutomaticBackups();
  // The search index catches up at start and follows every write, whichever screen is open.
  useSearchIndex();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={2} size="h3">
            Casefile
          </Title>
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
