import { describe, expect, it } from 'vitest';
import { NOT_IN_THE_BROWSER, browserPassphrase } from './browser-passphrase';

describe('the browser host and remembering a passphrase', () => {
  it('says it is not available in the browser rather than keep it anywhere', async () => {
    await expect(browserPassphrase.getPassphraseStorage({})).resolves.toEqual({
      ok: true,
      value: { available: false, reason: NOT_IN_THE_BROWSER, remembered: false },
    });
    for (const answer of [
      await browserPassphrase.rememberPassphrase({ passphrase: 'orange kettle under moonlight' }),
      await browserPassphrase.recallPassphrase({}),
    ]) {
      expect(answer).toEqual({
        ok: false,
        error: { code: 'not-allowed', message: NOT_IN_THE_BROWSER },
      });
    }
    expect(NOT_IN_THE_BROWSER).toMatch(/not available in the browser/);
  });
});
