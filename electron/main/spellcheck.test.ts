import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { configureSpellcheck, NO_DICTIONARY_DOWNLOADS } from './spellcheck';

// Only types come from Electron here; nothing may reach the real module.
vi.mock('electron', () => ({}));

function fakeSession() {
  return {
    setSpellCheckerDictionaryDownloadURL: vi.fn<(url: string) => void>(),
    setSpellCheckerEnabled: vi.fn<(enable: boolean) => void>(),
  };
}

describe('spelling without the network', () => {
  it('points dictionary downloads at a closed port on this machine', () => {
    expect(new URL(NO_DICTIONARY_DOWNLOADS).hostname).toBe('127.0.0.1');
    for (const platform of ['win32', 'linux'] as const) {
      const session = fakeSession();
      configureSpellcheck(session, { platform, userDataDir: '/data', listFolder: () => [] });
      expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(
        NO_DICTIONARY_DOWNLOADS,
      );
    }
  });

  it('turns spelling off on Windows and Linux when no dictionary is on disk', () => {
    const session = fakeSession();
    configureSpellcheck(session, {
      platform: 'linux',
      userDataDir: '/data',
      listFolder: () => {
        throw Object.assign(new Error('no folder'), { code: 'ENOENT' });
      },
    });
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('keeps spelling on with a dictionary already in the data folder', () => {
    const session = fakeSession();
    const listFolder = vi.fn<(path: string) => string[]>(() => ['en-US-10-1.bdic']);
    configureSpellcheck(session, { platform: 'win32', userDataDir: '/data', listFolder });
    expect(listFolder).toHaveBeenCalledWith(join('/data', 'Dictionaries'));
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(true);
  });

  it("uses macOS's own spell checker, which downloads nothing", () => {
    const session = fakeSession();
    configureSpellcheck(session, { platform: 'darwin', userDataDir: '/data' });
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(true);
    expect(session.setSpellCheckerDictionaryDownloadURL).not.toHaveBeenCalled();
  });
});
