import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CasefileDb } from './casefile-db';
import {
  databaseProblems,
  describeDatabaseError,
  subscribeToDatabaseProblems,
  watchDatabase,
} from './db-health';

function nextProblem(): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = subscribeToDatabaseProblems(() => {
      unsubscribe();
      resolve();
    });
  });
}

describe('database health', () => {
  it('explains another window upgrading the database, and lets that upgrade go ahead', async () => {
    const name = 'casefile-health-versionchange';
    const ours = new CasefileDb(name);
    watchDatabase(ours);
    await ours.open();
    const reported = nextProblem();
    const newer = new Dexie(name);
    newer.version(ours.verno + 1).stores({ extra: 'id' });
    await newer.open();
    await reported;
    expect(databaseProblems()).toContainEqual({
      kind: 'versionchange',
      message: expect.stringMatching(/updated in another window\. Reload this window/),
    });
    expect(ours.isOpen()).toBe(false);
    newer.close();
    await Dexie.delete(name);
  });

  it('explains an upgrade blocked by another window that keeps the database open', async () => {
    const name = 'casefile-health-blocked';
    // An old window that does not close when asked (raw IndexedDB ignores versionchange).
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ours = new CasefileDb(name);
    const reported = nextProblem();
    watchDatabase(ours);
    await reported;
    expect(databaseProblems().map((problem) => problem.kind)).toContain('blocked');
    old.close();
    await ours.open();
    ours.close();
    await Dexie.delete(name);
  });

  it('puts a full disk in words a person can act on', () => {
    const quota = new Dexie.QuotaExceededError('QuotaExceededError');
    expect(describeDatabaseError(quota)).toMatch(/The disk is full.*Free some disk space/);
    const wrapped = Object.assign(new Error('AbortError'), {
      inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
    });
    expect(describeDatabaseError(wrapped)).toMatch(/The disk is full/);
    expect(describeDatabaseError(new Error('something else'))).toBeNull();
  });
});
