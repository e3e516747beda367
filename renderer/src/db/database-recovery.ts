/**
 * What to do when the case files cannot be opened: say why in plain words, and let the person
 * start again without destroying anything. "Keeping the damaged database aside" means leaving it
 * exactly where it is and opening a database under a new name (casefile-2, casefile-3, …), whose
 * name is remembered in localStorage. The same is done in the desktop app: its IndexedDB lives in
 * the data folder like the browser's, so the damaged database stays in that folder untouched, for
 * support to look at, and no main-process change (moving folders while Chromium holds them) is needed.
 */
import { Dexie } from 'dexie';
import { DATABASE_NAME } from './casefile-db';

export type OpenFailure = 'newer-version' | 'damaged' | 'lost' | 'unavailable';

const NAME_KEY = 'casefile.databaseName';

/** Why the database did not open, from the error IndexedDB (through Dexie) gave. */
export function classifyOpenFailure(error: unknown): OpenFailure {
  const chain: unknown[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 5;) {
    chain.push(e);
    e = (e as Error & { inner?: unknown }).inner;
  }
  const names = chain.map((e) => (e as Error).name);
  const text = chain.map((e) => (e as Error).message).join(' ');
  if (names.includes('VersionError') || names.includes(Dexie.errnames.Version)) {
    return 'newer-version';
  }
  if (
    names.includes('UnknownError') ||
    names.includes('DataError') ||
    /backing store|corrupt/i.test(text)
  ) {
    return 'damaged';
  }
  return 'unavailable';
}

/**
 * Dexie 4 opens a database of a higher version than the app declares instead of failing, so a
 * database written by a newer Casefile is caught here: its IndexedDB version (Dexie's × 10) is
 * above the newest version this app's migrations know.
 */
export function isWrittenByNewerApp(installedNativeVersion: number, declaredVersion: number) {
  return Math.floor(installedNativeVersion / 10) > declaredVersion;
}

export const OPEN_FAILURE_MESSAGES: Record<OpenFailure, string> = {
  'newer-version':
    'These case files were written by a newer version of Casefile, which this version cannot read. Nothing was changed. Use the newer Casefile again, or start here from a backup.',
  damaged:
    'The database that holds your case files on this computer is damaged, so Casefile cannot open it. Nothing was changed or deleted.',
  lost: 'The database that held your case files on this computer was damaged, and the browser engine discarded it when Casefile started. What it held can only come back from a backup.',
  unavailable:
    'Casefile could not open your case files. Nothing was changed. Close other Casefile windows and restart Casefile; if this goes on, start from a backup.',
};

/** The name of the database the app opens: the original, or the one that replaced a damaged one. */
export function currentDatabaseName(storage: Pick<Storage, 'getItem'> | undefined): string {
  return storage?.getItem(NAME_KEY) || DATABASE_NAME;
}

/** casefile → casefile-2 → casefile-3 … */
export function nextDatabaseName(name: string): string {
  const match = /^(.*)-(\d+)$/.exec(name);
  if (match && match[1] === DATABASE_NAME) return `${DATABASE_NAME}-${Number(match[2]) + 1}`;
  return `${DATABASE_NAME}-2`;
}

/** Leaves the current database as it is and makes the next start open an empty one. */
export function keepDatabaseAside(storage: Pick<Storage, 'getItem' | 'setItem'>): {
  keptAside: string;
  next: string;
} {
  const keptAside = currentDatabaseName(storage);
  const next = nextDatabaseName(keptAside);
  storage.setItem(NAME_KEY, next);
  return { keptAside, next };
}
