/**
 * Keeps the database from failing silently. It asks the browser to keep Casefile's storage
 * persistent (so it is not evicted under disk pressure), and turns the three ways IndexedDB can go
 * away under a person's feet into a message they can act on: an upgrade this window cannot make
 * (blocked by, or failed in, another window), another window upgrading the database (this window
 * then runs old code and must reload), and a full disk (QuotaExceededError on any write).
 */
import { Dexie } from 'dexie';
import {
  classifyOpenFailure,
  isWrittenByNewerApp,
  OPEN_FAILURE_MESSAGES,
  type OpenFailure,
} from './database-recovery';

export type DatabaseProblem =
  | { kind: 'blocked'; message: string }
  | { kind: 'versionchange'; message: string }
  | { kind: 'open-failed'; failure: OpenFailure; message: string; detail: string }
  | { kind: 'quota'; message: string };

let problems: DatabaseProblem[] = [];
const listeners = new Set<() => void>();

export function databaseProblems(): DatabaseProblem[] {
  return problems;
}

export function subscribeToDatabaseProblems(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportDatabaseProblem(problem: DatabaseProblem): void {
  if (problems.some((known) => known.kind === problem.kind)) return;
  problems = [...problems, problem];
  for (const listener of listeners) listener();
}

export const QUOTA_MESSAGE =
  'The disk is full, so the last change was not saved (nothing was half-saved). Free some disk space, then try again.';

export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as Error & { inner?: unknown }).inner;
  return (
    error.name === 'QuotaExceededError' ||
    error.name === Dexie.errnames.QuotaExceeded ||
    (inner instanceof Error && inner.name === 'QuotaExceededError')
  );
}

/** The words for a database error a person can act on, or null for any other error. */
export function describeDatabaseError(error: unknown): string | null {
  if (isQuotaError(error)) return QUOTA_MESSAGE;
  if (error instanceof Error && error.name === Dexie.errnames.DatabaseClosed) {
    return 'The case files were closed because Casefile was updated in another window. Reload this window to continue.';
  }
  return null;
}

/**
 * `storage` remembers that this database was opened before. Chromium deletes an IndexedDB folder
 * it finds corrupt and silently starts an empty one; a database that is "created" again although
 * it existed is how that loss shows, and it gets the recovery screen instead of an empty app.
 */
export function watchDatabase(db: Dexie, storage?: Pick<Storage, 'getItem' | 'setItem'>): void {
  const openedKey = `casefile.opened.${db.name}`;
  let created = false;
  db.on('populate', () => {
    created = true;
  });
  db.on('blocked', () => {
    reportDatabaseProblem({
      kind: 'blocked',
      message:
        'Casefile needs to update its database, but another Casefile window or tab still has it open. Close the other windows; this one continues as soon as they are closed.',
    });
  });
  db.on('versionchange', () => {
    // Let the other window's upgrade go ahead; this window's code no longer fits the database.
    db.close();
    reportDatabaseProblem({
      kind: 'versionchange',
      message:
        'Casefile was updated in another window. Reload this window to keep working with your case files.',
    });
    return false;
  });
  const declaredVersion = db.verno;
  db.open()
    .then(() => {
      if (created && storage?.getItem(openedKey)) {
        reportOpenFailure('lost', 'the browser found the database damaged and replaced it');
        return;
      }
      storage?.setItem(openedKey, new Date().toISOString());
      const installed = db.backendDB().version;
      if (!isWrittenByNewerApp(installed, declaredVersion)) return;
      // Reading on would show a newer schema through this version's code: stop before any write.
      db.close();
      reportOpenFailure(
        'newer-version',
        `IndexedDB version ${installed}, this app knows ${declaredVersion * 10}`,
      );
    })
    .catch((error: unknown) => {
      if (isQuotaError(error)) {
        reportDatabaseProblem({ kind: 'quota', message: QUOTA_MESSAGE });
        return;
      }
      reportOpenFailure(classifyOpenFailure(error), (error as Error).message);
    });
  if (typeof window !== 'undefined') {
    window.addEventListener('unhandledrejection', (event) => {
      if (isQuotaError(event.reason))
        reportDatabaseProblem({ kind: 'quota', message: QUOTA_MESSAGE });
    });
  }
}

function reportOpenFailure(failure: OpenFailure, detail: string): void {
  reportDatabaseProblem({
    kind: 'open-failed',
    failure,
    message: OPEN_FAILURE_MESSAGES[failure],
    detail,
  });
}

/** Asks that the case files never be evicted to free space; answers whether they are persistent. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    const granted = await storage.persist();
    // Not shown as a problem: Chromium grants this by its own engagement heuristics, and the
    // desktop app's storage lives in its own data folder, which is never evicted.
    if (!granted) console.warn('Casefile’s storage is not marked persistent by this browser.');
    return granted;
  } catch {
    return false;
  }
}
