/**
 * "Encrypt backups" on the Backups page: on, every backup (by hand, daily, on quit, and the safety
 * backups before a restore or an update from a bundle) is sealed under a passphrase typed twice.
 * The setting is kept with the others; the passphrase only in memory for the session, or, where
 * the desktop can, remembered through the system's keychain (backup-passphrase.ts).
 */
import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import type { PassphraseStorage } from '../../../../shared/ipc';
import { db } from '../../db/db';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';
import { BackupPassphraseFields, useNewBackupPassphrase } from './BackupPassphraseFields';
import {
  forgetBackupPassphrase,
  knowsBackupPassphrase,
  passphraseStorage,
  setBackupPassphrase,
} from './backup-passphrase';
import { clearSkippedBackup, readBackupSettings, saveBackupSettings } from './backup-settings';

export function BackupEncryptionForm() {
  const stored = useLiveQuery(() => readBackupSettings(db), []);
  const [storage, setStorage] = useState<PassphraseStorage | null>(null);
  /** The person's choice before it is saved; the stored setting until they change it. */
  const [choice, setEncrypt] = useState<boolean | null>(null);
  const encrypt = choice ?? stored?.encrypt ?? false;
  const [known, setKnown] = useState(knowsBackupPassphrase());
  const [changing, setChanging] = useState(false);
  const entered = useNewBackupPassphrase();
  const { setRemember } = entered;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void passphraseStorage().then((answer) => {
      setStorage(answer);
      setRemember(answer.remembered);
      if (answer.remembered) setKnown(true);
    });
    // A state setter: the same function on every render, so this runs once.
  }, [setRemember]);

  const askPassphrase = encrypt && (!known || changing);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!stored) return;
    const problem = askPassphrase ? entered.problem() : null;
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      if (!encrypt) await forgetBackupPassphrase();
      else if (askPassphrase) await setBackupPassphrase(entered.passphrase, entered.remember);
      await saveBackupSettings(db, { ...stored, encrypt });
      if (encrypt) await clearSkippedBackup(db);
      setKnown(encrypt);
      setEncrypt(null);
      setChanging(false);
      entered.clear();
      setStorage(await passphraseStorage());
      notifyDone(
        'Backup encryption saved',
        encrypt
          ? 'Backups are encrypted from now on. Keep the passphrase safe: without it a backup cannot be restored.'
          : 'Backups are no longer encrypted; backups already made stay as they are.',
      );
    } catch (caught) {
      reportError(caught, 'The backup encryption was not saved');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form aria-label="Backup encryption" onSubmit={(event) => void save(event)}>
      <Stack maw={520}>
        <Title order={2} size="h4">
          Encryption
        </Title>
        <Checkbox
          label="Encrypt backups"
          description="Backups by hand and automatic ones are sealed with a passphrase (AES-256, the key derived with Argon2id); without it nobody, Casefile included, can read them."
          checked={encrypt}
          onChange={(event) => setEncrypt(event.currentTarget.checked)}
          disabled={busy || !stored}
        />
        {encrypt && known && !changing && (
          <Group>
            <Text size="sm">
              {storage?.remembered
                ? 'The passphrase is remembered on this computer.'
                : 'The passphrase is set for this session.'}
            </Text>
            <Button size="xs" variant="default" onClick={() => setChanging(true)}>
              Change the passphrase
            </Button>
          </Group>
        )}
        {askPassphrase && (
          <>
            <BackupPassphraseFields
              value={entered}
              storage={storage}
              error={error}
              disabled={busy}
            />
            {/* Gray: the yellow alert's title falls short of WCAG contrast (axe). */}
            <Alert color="gray" title="Keep the passphrase safe">
              A lost passphrase cannot be recovered: backups sealed with it cannot be restored.
            </Alert>
          </>
        )}
        <Group>
          <Button type="submit" variant="default" loading={busy}>
            Save encryption setting
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
