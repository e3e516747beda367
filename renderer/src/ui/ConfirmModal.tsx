import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

type Props = {
  opened: boolean;
  title: string;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: () => Promise<void>;
  children: ReactNode;
};

/** Asks before something that cannot be undone; the destructive button is not the default. */
export function ConfirmModal({ opened, title, confirmLabel, onClose, onConfirm, children }: Props) {
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text component="div">{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
