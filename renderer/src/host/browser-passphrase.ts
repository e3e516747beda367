/**
 * A browser has no keychain Casefile could keep a passphrase in, so these say so rather than
 * pretend: nothing is remembered, and encrypted backups ask for their passphrase each session.
 */
import type { HostApi } from '../../../shared/host-api';
import type { IpcResult } from '../../../shared/ipc';
import { ok } from './browser-downloads';

export const NOT_IN_THE_BROWSER =
  'Remembering the passphrase is not available in the browser: it has no keychain to keep it in. Enter it when you back up.';

const notAvailable = (): IpcResult<never> => ({
  ok: false,
  error: { code: 'not-allowed', message: NOT_IN_THE_BROWSER },
});

export const browserPassphrase: Pick<
  HostApi,
  'getPassphraseStorage' | 'rememberPassphrase' | 'recallPassphrase' | 'forgetPassphrase'
> = {
  async getPassphraseStorage() {
    return ok({ available: false, reason: NOT_IN_THE_BROWSER, remembered: false });
  },
  async rememberPassphrase() {
    return notAvailable();
  },
  async recallPassphrase() {
    return notAvailable();
  },
  // Nothing was ever remembered here, so there is nothing to forget.
  async forgetPassphrase() {
    return ok(undefined);
  },
};
