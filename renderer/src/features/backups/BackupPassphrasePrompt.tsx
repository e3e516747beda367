/**
 * Asks for the backups' passphrase when a backup is to be encrypted and none is known this
 * session ("Back up now" after a restart, where it is not remembered). Shown wherever a backup
 * can start (beside the backup progress); cancelling makes no backup at all, never a plain one.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { PassphraseStorage } from '../../../../shared/ipc';
import { BackupPassphraseFields, useNewBackupPassphrase } from './BackupPassphraseFields';
import { passphraseStorage, setBackupPassphrase, usePassphraseRequest } from './backup-passphrase';

export function BackupPassphrasePrompt() {
  const request = usePassphraseRequest();
  if (!request) return null;
  return <PromptModal onAnswer={request.resolve} />;
}

function PromptModal({ onAnswer }: { onAnswer: (passphrase: string | null) => void }) {
  const entered = useNewBackupPassphrase();
  const [error, setError] = useState<string | null>(null);
  const [storage, setStorage] = useState<PassphraseStorage | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void passphraseStorage().then(setStorage);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = entered.problem();
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await setBackupPassphrase(
        entered.passphrase,
        entered.remember && storage?.available === true,
      );
      onAnswer(entered.passphrase);
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
          <BackupPassphraseFields value={entered} storage={storage} error={error} disabled={busy} />
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
