/**
 * The passphrase encrypted backups are sealed with. It is never written anywhere in plain text:
 * it stays in this module's memory for the session, and on the desktop it can be remembered
 * through Electron's safeStorage (electron/main/passphrase-store.ts), so automatic backups run
 * encrypted after a restart without asking. When backups are to be encrypted and it is not known,
 * a backup is never written in plain text instead: "Back up now" asks for it (the prompt below),
 * automatic backups are skipped and say why (use-automatic-backups.ts).
 */
import { useSyncExternalStore } from 'react';
import type { PassphraseStorage } from '../../../../shared/ipc';
import { host } from '../../host/host';

let sessionPassphrase: string | null = null;

/** Thrown instead of backing up when backups are encrypted and the passphrase is not known. */
export class PassphraseMissingError extends Error {
  override name = 'PassphraseMissingError';
}

export const PASSPHRASE_NOT_KNOWN =
  'Backups are set to be encrypted, but Casefile does not know the passphrase in this session and it is not remembered on this computer.';

export async function passphraseStorage(): Promise<PassphraseStorage> {
  try {
    return await host.getPassphraseStorage({});
  } catch (error) {
    return { available: false, reason: (error as Error).message, remembered: false };
  }
}

/** The passphrase for this session's backups: typed in this session, else the remembered one. */
export async function backupPassphrase(): Promise<string | null> {
  if (sessionPassphrase !== null) return sessionPassphrase;
  const storage = await passphraseStorage();
  if (!storage.remembered) return null;
  try {
    sessionPassphrase = await host.recallPassphrase({});
  } catch {
    return null;
  }
  return sessionPassphrase;
}

export function knowsBackupPassphrase(): boolean {
  return sessionPassphrase !== null;
}

/** Uses `passphrase` from now on; remembers it on this computer, or forgets any remembered one. */
export async function setBackupPassphrase(passphrase: string, remember: boolean): Promise<void> {
  if (remember) await host.rememberPassphrase({ passphrase });
  else await host.forgetPassphrase({});
  sessionPassphrase = passphrase;
}

export async function forgetBackupPassphrase(): Promise<void> {
  sessionPassphrase = null;
  await host.forgetPassphrase({});
}

/** A request for a new passphrase, answered by <BackupPassphrasePrompt> wherever it is shown. */
type Ask = { resolve: (passphrase: string | null) => void };
let asking: Ask | null = null;
const listeners = new Set<() => void>();

function setAsking(next: Ask | null): void {
  asking = next;
  for (const listener of listeners) listener();
}

/** Asks the person for the backups' passphrase (typed twice); null if they cancel. */
export function askForBackupPassphrase(): Promise<string | null> {
  asking?.resolve(null);
  return new Promise((resolve) => {
    setAsking({
      resolve: (passphrase) => {
        setAsking(null);
        resolve(passphrase);
      },
    });
  });
}

export function usePassphraseRequest(): Ask | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => asking,
  );
}
