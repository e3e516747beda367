import { Button, Menu } from '@mantine/core';
import { portfolioRoute } from '../../../shared/print-options';
import type { AppActions } from './use-menu-commands';

/** The in-app menu: the same actions as the desktop application menu, reachable in a browser too. */
export function AppMenu({ actions }: { actions: AppActions }) {
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
        <Menu.Divider />
        <Menu.Item onClick={() => void actions.backUpNow()}>Back up now</Menu.Item>
        <Menu.Item onClick={actions.restoreBackup}>Restore from backup…</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void actions.revealDataFolder()}>Show data folder</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
