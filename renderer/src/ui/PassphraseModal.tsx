/**
 * Asks for the passphrase of an encrypted archive (a bundle being imported, a backup being
 * restored) before it is checked. A wrong passphrase keeps the modal open with the reason, so the
 * person can try again; nothing is read or written until the right one is given.
 */
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';

export type PassphraseModalProps = {
  /** What is being opened, in the person's words: “huawei.casefile”, the backup of 2 May. */
  what: string;
  /** Resolves to null when the passphrase opened the file, else the reason it did not. */
  onSubmit: (passphrase: string) => Promise<string | null>;
  onCancel: () => void;
};

export function PassphraseModal({ what, onSubmit, onCancel }: PassphraseModalProps) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await onSubmit(passphrase);
    setBusy(false);
    if (problem) setError(problem);
  }

  return (
    <Modal opened onClose={onCancel} title="Passphrase needed" centered>
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          <Text size="sm">
            {what[0]?.toUpperCase()}
            {what.slice(1)} is encrypted. Enter the passphrase it was saved with.
          </Text>
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            disabled={busy}
            autoComplete="off"
            data-autofocus
          />
          {error && (
            <Alert color="red" role="alert" title="Not opened">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={passphrase === ''}>
              Open
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
