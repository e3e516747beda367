/**
 * The notice after a destructive click: what happened, and an Undo that stays at least 10
 * seconds (longer while hovered, as Mantine pauses it). Undo runs one keyed write (a restore from
 * the trash, a deadline reopened): never a re-read of whole tables.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { reportError } from './zod-form';

export const UNDO_MS = 12_000;

export function notifyUndo(title: string, message: string, undo: () => Promise<unknown>): void {
  const id = crypto.randomUUID();
  async function run() {
    notifications.hide(id);
    try {
      await undo();
      notifications.show({
        title: 'Undone',
        message,
        closeButtonProps: { 'aria-label': 'Dismiss this message' },
      });
    } catch (error) {
      reportError(error, 'It could not be undone');
    }
  }
  notifications.show({
    id,
    title,
    autoClose: UNDO_MS,
    closeButtonProps: { 'aria-label': 'Dismiss this message' },
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void run()}>
          Undo
        </Button>
      </Group>
    ),
  });
}
