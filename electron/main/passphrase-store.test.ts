import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import {
  createPassphraseStore,
  NO_KEYRING_REASON,
  NO_SECURE_STORAGE_REASON,
  type SafeStorageLike,
} from './passphrase-store';

vi.mock('electron', () => ({}));

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A keychain stand-in: "sealing" reverses the bytes and tags them, so the file is not plain. */
function fakeSafeStorage({
  available = true,
  backend = 'gnome_libsecret' as Backend,
  rotated = false,
} = {}) {
  const seal = (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`);
  return {
    isAsyncEncryptionAvailable: vi.fn<SafeStorageLike['isAsyncEncryptionAvailable']>(
      async () => available,
    ),
    getSelectedStorageBackend: vi.fn<SafeStorageLike['getSelectedStorageBackend']>(() => backend),
    encryptStringAsync: vi.fn<SafeStorageLike['encryptStringAsync']>(async (text: string) =>
      seal(text),
    ),
    decryptStringAsync: vi.fn<SafeStorageLike['decryptStringAsync']>(async (sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
      return { result: [...text.slice(7)].reverse().join(''), shouldReEncrypt: rotated };
    }),
  } satisfies SafeStorageLike;
}

const PASSPHRASE = 'orange kettle under moonlight';

describe('remembering the backups’ passphrase', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'casefile-passphrase-'));
    file = join(folder, 'backup-passphrase.sealed');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function store(safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux') {
    return createPassphraseStore({ safeStorage, platform, file, writeFileAtomic });
  }

  it('keeps it only as safeStorage sealed it, and gives it back', async () => {
    const safeStorage = fakeSafeStorage();
    const handlers = store(safeStorage);
    await expect(handlers['passphrase:get-storage']({})).resolves.toEqual({
      available: true,
      reason: null,
      remembered: false,
    });
    await expect(handlers['passphrase:recall']({})).resolves.toBeNull();
    await handlers['passphrase:remember']({ passphrase: PASSPHRASE });
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(PASSPHRASE);
    expect((await readFile(file)).toString()).not.toContain(PASSPHRASE);
    await expect(handlers['passphrase:get-storage']({})).resolves.toMatchObject({
      remembered: true,
    });
    await expect(handlers['passphrase:recall']({})).resolves.toBe(PASSPHRASE);
    await handlers['passphrase:forget']({});
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    await expect(handlers['passphrase:recall']({})).resolves.toBeNull();
  });

  it('refuses, with the reason, where Linux has no keyring (basic_text)', async () => {
    const safeStorage = fakeSafeStorage({ backend: 'basic_text' });
    const handlers = store(safeStorage);
    await expect(handlers['passphrase:get-storage']({})).resolves.toEqual({
      available: false,
      reason: NO_KEYRING_REASON,
      remembered: false,
    });
    await expect(handlers['passphrase:remember']({ passphrase: PASSPHRASE })).rejects.toThrow(
      NO_KEYRING_REASON,
    );
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    await expect(handlers['passphrase:recall']({})).rejects.toThrow(NO_KEYRING_REASON);
  });

  it('asks the backend only on Linux, and refuses when secure storage is unavailable', async () => {
    const mac = fakeSafeStorage({ backend: 'basic_text' });
    await expect(store(mac, 'darwin')['passphrase:get-storage']({})).resolves.toMatchObject({
      available: true,
    });
    expect(mac.getSelectedStorageBackend).not.toHaveBeenCalled();
    const none = store(fakeSafeStorage({ available: false }), 'win32');
    await expect(none['passphrase:remember']({ passphrase: PASSPHRASE })).rejects.toThrow(
      NO_SECURE_STORAGE_REASON,
    );
  });

  it('seals it again when the keychain says its key was rotated', async () => {
    const first = fakeSafeStorage();
    await store(first)['passphrase:remember']({ passphrase: PASSPHRASE });
    const rotated = fakeSafeStorage({ rotated: true });
    await expect(store(rotated)['passphrase:recall']({})).resolves.toBe(PASSPHRASE);
    expect(rotated.encryptStringAsync).toHaveBeenCalledWith(PASSPHRASE);
  });

  it('says so in plain words when the sealed passphrase cannot be opened', async () => {
    await writeFileAtomic(file, Buffer.from('not sealed by this keychain'));
    await expect(store(fakeSafeStorage())['passphrase:recall']({})).rejects.toThrow(
      /could not be read.*Enter it again on the Backups page/,
    );
  });
});
