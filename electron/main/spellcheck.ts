/**
 * Spelling without the network. Chromium's spell checker downloads Hunspell dictionaries from a
 * Google CDN on Windows and Linux the first time it needs one; Casefile keeps privileged case
 * files and promises that nothing leaves the machine. So: on macOS the operating system's own
 * spell checker does the work (nothing is downloaded there). Elsewhere the download address points
 * at a closed port on this computer, so no request ever leaves it, and spelling is turned on only
 * when a dictionary is already on disk (an IT department may place `.bdic` files in the data
 * folder's `Dictionaries/`); otherwise it is off, rather than half-working.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from 'electron';

/** Port 9 (discard) on loopback: nothing listens there, and it is never another machine. */
export const NO_DICTIONARY_DOWNLOADS = 'http://127.0.0.1:9/';

export type SpellcheckOptions = {
  platform: NodeJS.Platform;
  /** The data folder (`userData`), where Chromium keeps its dictionaries. */
  userDataDir: string;
  /** Lists a folder; tests stand in for the disk. */
  listFolder?: (path: string) => string[];
};

function hasLocalDictionary(folder: string, listFolder: (path: string) => string[]) {
  try {
    return listFolder(folder).some((name) => name.toLowerCase().endsWith('.bdic'));
  } catch {
    return false;
  }
}

export function configureSpellcheck(
  session: Pick<Session, 'setSpellCheckerDictionaryDownloadURL' | 'setSpellCheckerEnabled'>,
  { platform, userDataDir, listFolder = (path) => readdirSync(path) }: SpellcheckOptions,
) {
  if (platform === 'darwin') {
    session.setSpellCheckerEnabled(true);
    return;
  }
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS);
  session.setSpellCheckerEnabled(hasLocalDictionary(join(userDataDir, 'Dictionaries'), listFolder));
}
