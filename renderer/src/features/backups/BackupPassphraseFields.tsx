/**
 * A new backup passphrase as both places that set one ask for it (the "Encrypt backups" form and
 * the prompt before a backup when none is known): typed twice with its strength hint, and
 * "Remember on this computer" where the desktop can. The caller keeps the state through
 * `useNewBackupPassphrase` and checks it with `problem()` on submit.
 */
import { Alert, Checkbox } from '@mantine/core';
import { useState } from 'react';
import { passphraseProblem } from '../../../../shared/archive/passphrase-rules';
import type { PassphraseStorage } from '../../../../shared/ipc';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';

export type NewBackupPassphrase = {
  passphrase: string;
  confirmation: string;
  remember: boolean;
  setPassphrase: (value: string) => void;
  setConfirmation: (value: string) => void;
  setRemember: (value: boolean) => void;
  /** Why the two entries cannot be used, in the person's words; null when they can. */
  problem: () => string | null;
  clear: () => void;
};

export function useNewBackupPassphrase(): NewBackupPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [remember, setRemember] = useState(false);
  return {
    passphrase,
    confirmation,
    remember,
    setPassphrase,
    setConfirmation,
    setRemember,
    problem: () => passphraseProblem(passphrase, confirmation),
    clear: () => {
      setPassphrase('');
      setConfirmation('');
    },
  };
}

export function BackupPassphraseFields({
  value,
  storage,
  error,
  disabled,
}: {
  value: NewBackupPassphrase;
  storage: PassphraseStorage | null;
  error: string | null;
  disabled: boolean;
}) {
  return (
    <>
      <NewPassphraseFields
        passphrase={value.passphrase}
        confirmation={value.confirmation}
        onPassphrase={value.setPassphrase}
        onConfirmation={value.setConfirmation}
        error={error}
        disabled={disabled}
      />
      <RememberPassphrase storage={storage} checked={value.remember} onChange={value.setRemember} />
    </>
  );
}

/** "Remember on this computer", or why it cannot be (a browser; Linux without a keyring). */
function RememberPassphrase({
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
