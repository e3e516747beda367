import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { CasefileDb } from './casefile-db';
import {
  classifyOpenFailure,
  currentDatabaseName,
  isWrittenByNewerApp,
  keepDatabaseAside,
  nextDatabaseName,
} from './database-recovery';

/** db-health keeps one list of problems per page; each test gets a fresh page's worth. */
async function freshHealth() {
  vi.resetModules();
  return import('./db-health');
}

class MemoryStorage {
  private values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}

function named(name: string, message: string, inner?: Error): Error {
  const error = new Error(message) as Error & { inner?: Error };
  error.name = name;
  error.inner = inner;
  return error;
}

describe('database recovery', () => {
  it('tells a damaged backing store from a newer version and from anything else', () => {
    const backingStore = named(
      'UnknownError',
      'Internal error opening backing store for indexedDB.open.',
    );
    expect(classifyOpenFailure(named('OpenFailedError', 'UnknownError', backingStore))).toBe(
      'damaged',
    );
    expect(classifyOpenFailure(backingStore)).toBe('damaged');
    expect(
      classifyOpenFailure(named('OpenFailedError', 'x', named('VersionError', 'less than'))),
    ).toBe('newer-version');
    expect(classifyOpenFailure(named('InvalidStateError', 'closing'))).toBe('unavailable');
    expect(classifyOpenFailure('not an error')).toBe('unavailable');
  });

  it('keeps the damaged database aside under its name and opens the next one', () => {
    const storage = new MemoryStorage();
    expect(currentDatabaseName(storage)).toBe('casefile');
    expect(keepDatabaseAside(storage)).toEqual({ keptAside: 'casefile', next: 'casefile-2' });
    expect(currentDatabaseName(storage)).toBe('casefile-2');
    expect(keepDatabaseAside(storage)).toEqual({ keptAside: 'casefile-2', next: 'casefile-3' });
    expect(nextDatabaseName('casefile-9')).toBe('casefile-10');
    expect(nextDatabaseName('something-else-4')).toBe('casefile-2');
  });

  it('recognises a database written by a newer Casefile through real IndexedDB', async () => {
    const name = 'casefile-recovery-newer';
    const ours = new CasefileDb(name);
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, (ours.verno + 5) * 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    raw.close();
    expect(isWrittenByNewerApp(raw.version, ours.verno)).toBe(true);
    expect(isWrittenByNewerApp(ours.verno * 10 + 1, ours.verno)).toBe(false);

    const { databaseProblems, subscribeToDatabaseProblems, watchDatabase } = await freshHealth();
    const reported = new Promise<void>((resolve) => {
      const unsubscribe = subscribeToDatabaseProblems(() => {
        unsubscribe();
        resolve();
      });
    });
    watchDatabase(ours);
    await reported;
    expect(databaseProblems()).toContainEqual(
      expect.objectContaining({ kind: 'open-failed', failure: 'newer-version' }),
    );
    expect(ours.isOpen()).toBe(false);
    await Dexie.delete(name);
  });

  it('names a database that vanished since the last start (Chromium replaces a corrupt one)', async () => {
    const name = 'casefile-recovery-lost';
    const { databaseProblems, subscribeToDatabaseProblems, watchDatabase } = await freshHealth();
    const storage = new MemoryStorage();
    const first = new CasefileDb(name);
    watchDatabase(first, storage);
    await first.open();
    first.close();
    await Dexie.delete(name);

    const reported = new Promise<void>((resolve) => {
      const unsubscribe = subscribeToDatabaseProblems(() => {
        unsubscribe();
        resolve();
      });
    });
    const again = new CasefileDb(name);
    watchDatabase(again, storage);
    await reported;
    expect(databaseProblems()).toContainEqual(
      expect.objectContaining({ kind: 'open-failed', failure: 'lost' }),
    );
    again.close();
    await Dexie.delete(name);
  });
});
