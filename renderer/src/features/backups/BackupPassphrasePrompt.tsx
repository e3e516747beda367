/**
 * Asks for the backups' passphrase when a backup is to be encrypted and none is known this
 * session ("Back up now" after a restart, where it is not remembered). Shown wherever a backup
 * can start (beside the backup progress); cancelling makes no backup at all, never a plain one.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { passphraseProblem } from '../../../../shared/archive/encryption';
import type { PassphraseStorage } from '../../../../shared/ipc';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { passphraseStorage, setBackupPassphrase, usePassphraseRequest } from './backup-passphrase';

export function BackupPassphrasePrompt() {
  const request = usePassphraseRequest();
  if (!request) return null;
  return <PromptModal onAnswer={request.resolve} />;
}

function PromptModal({ onAnswer }: { onAnswer: (passphrase: string | null) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [storage, setStorage] = useState<PassphraseStorage | null>(null);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void passphraseStorage().then(setStorage);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = passphraseProblem(passphrase, confirmation);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await setBackupPassphrase(passphrase, remember && storage?.available === true);
      onAnswer(passphrase);
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={() => onAnswer(null)} title="Backup passphrase" centered>
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          <Text size="sm">
            Backups are encrypted. Enter the passphrase to seal this one with; you need it to
            restore the backup.
          </Text>
          <NewPassphraseFields
            passphrase={passphrase}
            confirmation={confirmation}
            onPassphrase={setPassphrase}
            onConfirmation={setConfirmation}
            error={error}
            disabled={busy}
          />
          <RememberPassphrase storage={storage} checked={remember} onChange={setRemember} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onAnswer(null)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Back up encrypted
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Remember on this computer", or why it cannot be (a browser; Linux without a keyring). */
export function RememberPassphrase({
  storage,
  checked,
  onChange,
}: {
  storage: PassphraseStorage | null;
  checked: boolean;
  onChange: (remember: boolean) => void;
}) {
  if (!storage) return null;
  if (!storage.available) {
    return (
      <Alert color="gray" title="The passphrase is not remembered">
        {storage.reason}
      </Alert>
    );
  }
  return (
    <Checkbox
      label="Remember the passphrase on this computer"
      description="Kept in the system’s keychain, so automatic backups run encrypted without asking."
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
