import { Button, Group, Modal, Stack } from '@mantine/core';
import { useCallback, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

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

/** Whether Enter belongs to the field: a select or combobox chooses its option with it. */
function enterChoosesOption(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.getAttribute('role') === 'combobox' || target.hasAttribute('aria-haspopup'))
  );
}

/**
 * A dialog holding one form: Enter submits (except inside a select, where it picks the option),
 * Escape cancels, the button shows progress, and focus starts in the first field.
 */
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
  // Mantine's focus trap starts at the element marked data-autofocus, else at the first button
  // (the dialog's close button); marking the first field as the form mounts puts it there.
  const markFirstField = useCallback((form: HTMLFormElement | null) => {
    form
      ?.querySelector('input:not([type="hidden"]):not([disabled]), textarea, select')
      ?.setAttribute('data-autofocus', '');
  }, []);

  function keepEnterInCombobox(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && enterChoosesOption(event.target)) event.preventDefault();
  }

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
      {/* The keydown listener only delegates the fields' Enter; the form itself is not a control. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        ref={markFirstField}
        onSubmit={(event) => void handleSubmit(event)}
        onKeyDown={keepEnterInCombobox}
        noValidate
        aria-label={title}
      >
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
