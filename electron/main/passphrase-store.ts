/**
 * Remembers the passphrase of encrypted backups on this computer, so automatic backups can run
 * encrypted without asking. It is kept only as Electron's asynchronous safeStorage makes it (the
 * operating system's keychain: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet
 * on Linux), in one file of the data folder, and never in plain text. Where Linux has no keyring
 * safeStorage falls back to `basic_text`, a fixed key anyone can look up: there Casefile refuses
 * to remember it and says why, rather than pretend it is protected.
 */
import { readFile, rm } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import type { PassphraseStorage } from '../../shared/ipc';
import type { IpcHandlers } from './ipc';
import { UserFacingError } from './ipc';

export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

export type PassphraseStoreDeps = {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** Where the sealed passphrase is kept (in the data folder). */
  file: string;
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
};

export type PassphraseHandlers = Pick<
  IpcHandlers,
  'passphrase:get-storage' | 'passphrase:remember' | 'passphrase:recall' | 'passphrase:forget'
>;

export const NO_KEYRING_REASON =
  'This computer has no keyring (GNOME Keyring or KWallet) for Casefile to keep the passphrase in, so it would be stored in a form anyone could read. Casefile does not remember it here: automatic backups are skipped until you enter it, and “Back up now” asks for it.';
export const NO_SECURE_STORAGE_REASON =
  'The system’s secure storage is not available, so Casefile cannot remember the passphrase. Automatic backups are skipped until you enter it, and “Back up now” asks for it.';
const UNREADABLE =
  'The remembered passphrase could not be read (the system’s keychain may have changed). Enter it again on the Backups page.';

async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch {
    return false;
  }
}

export function createPassphraseStore(deps: PassphraseStoreDeps): PassphraseHandlers {
  /** Why the passphrase cannot be remembered here, or null when it can. */
  async function refusal(): Promise<string | null> {
    if (
      deps.platform === 'linux' &&
      deps.safeStorage.getSelectedStorageBackend() === 'basic_text'
    ) {
      return NO_KEYRING_REASON;
    }
    return (await deps.safeStorage.isAsyncEncryptionAvailable()) ? null : NO_SECURE_STORAGE_REASON;
  }

  return {
    'passphrase:get-storage': async (): Promise<PassphraseStorage> => {
      const reason = await refusal();
      return {
        available: reason === null,
        reason,
        remembered: reason === null && (await exists(deps.file)),
      };
    },

    'passphrase:remember': async ({ passphrase }) => {
      const reason = await refusal();
      if (reason !== null) throw new UserFacingError(reason);
      const sealed = await deps.safeStorage.encryptStringAsync(passphrase);
      await deps.writeFileAtomic(deps.file, sealed);
    },

    'passphrase:recall': async () => {
      const reason = await refusal();
      if (reason !== null) throw new UserFacingError(reason);
      let sealed: Buffer;
      try {
        sealed = await readFile(deps.file);
      } catch {
        return null;
      }
      let opened: Awaited<ReturnType<SafeStorageLike['decryptStringAsync']>>;
      try {
        opened = await deps.safeStorage.decryptStringAsync(sealed);
      } catch {
        throw new UserFacingError(UNREADABLE);
      }
      // The keychain's key was rotated: seal it again under the new one, as Electron advises.
      if (opened.shouldReEncrypt) {
        await deps.writeFileAtomic(
          deps.file,
          await deps.safeStorage.encryptStringAsync(opened.result),
        );
      }
      return opened.result;
    },

    'passphrase:forget': async () => {
      await rm(deps.file, { force: true });
    },
  };
}
