import { Button, Menu, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { portfolioRoute } from '../../../shared/print-options';
import { db } from '../db/db';
import { useDensity } from './preferences';
import type { AppActions } from './use-menu-commands';

const schemes: { value: MantineColorScheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Same as the system' },
];

/** Mantine's menu items are plain menuitems, so the choice is said in words as well as ticked. */
function Check({ on }: { on: boolean }) {
  return on ? (
    <span>
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden"> (chosen)</span>
    </span>
  ) : null;
}

/** The in-app menu: the same actions as the desktop application menu, reachable in a browser too. */
export function AppMenu({ actions }: { actions: AppActions }) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [density, setDensity] = useDensity(db);
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button variant="default" aria-label="Casefile menu">
          Menu
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={actions.find}>Find…</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={actions.newDispute}>New dispute</Menu.Item>
        <Menu.Item onClick={() => void actions.loadSample()}>Open the sample case file</Menu.Item>
        <Menu.Item component="a" href={`#${portfolioRoute({ paper: 'A4', line: 'Confidential' })}`}>
          Portfolio report
        </Menu.Item>
        <Menu.Item onClick={actions.importBundle}>Import case bundle…</Menu.Item>
        <Menu.Item component="a" href="#/trash">
          Trash
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void actions.backUpNow()}>Back up now</Menu.Item>
        <Menu.Item onClick={actions.restoreBackup}>Restore from backup…</Menu.Item>
        <Menu.Divider />
        <Menu.Label>Appearance</Menu.Label>
        {schemes.map((scheme) => (
          <Menu.Item
            key={scheme.value}
            rightSection={<Check on={colorScheme === scheme.value} />}
            onClick={() => setColorScheme(scheme.value)}
          >
            {scheme.label}
          </Menu.Item>
        ))}
        <Menu.Item
          rightSection={<Check on={density === 'compact'} />}
          onClick={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')}
        >
          Compact tables
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void actions.revealDataFolder()}>Show data folder</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
