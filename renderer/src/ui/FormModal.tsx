import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';

type Props = {
  opened: boolean;
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** Answers whether the dialog may close (false keeps it open with its messages). */
  onSubmit: () => Promise<boolean>;
  size?: string;
  children: ReactNode;
};

/** A dialog holding one form: Enter submits, Escape cancels, and the button shows progress. */
export function FormModal({
  opened,
  title,
  submitLabel,
  onClose,
  onSubmit,
  size = 'lg',
  children,
}: Props) {
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      if (await onSubmit()) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={title}>
        <Stack gap="sm">
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} type="button">
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
