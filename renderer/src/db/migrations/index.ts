import type { Dexie } from 'dexie';
import version1 from './0001-initial';
import version2 from './0002-dispute-status-index';
import version3 from './0003-search-outbox-open-deadlines';
import version4 from './0004-trash';
import version5 from './0005-patent-number-key';
import version6 from './0006-ocr-jobs';
import version7 from './0007-note-amount-index';
import version8 from './0008-note-date-index';
import version9 from './0009-ocr-layouts';
import version10 from './0010-dispute-facts';
import version11 from './0011-document-pages-index';

/** Every schema version in order. Append; never reorder or edit a shipped one. */
export const migrations: ReadonlyArray<(db: Dexie) => void> = [
  version1,
  version2,
  version3,
  version4,
  version5,
  version6,
  version7,
  version8,
  version9,
  version10,
  version11,
];

/**
 * The version a list of migrations declares, as Dexie's `verno` would be: the highest number
 * given to `db.version()`. Asked of a stand-in that only records the numbers, not of a Dexie
 * instance: this runs as the app's script is evaluated, and a probe database with every
 * version's stores declared was 10-20 ms of each start. A migration that calls anything else
 * fails here (and in migrations.test.ts), not silently.
 */
export function declaredVersion(list: ReadonlyArray<(db: Dexie) => void>): number {
  let highest = 0;
  const version = { stores: () => version, upgrade: () => version };
  const probe = {
    version: (n: number) => {
      highest = Math.max(highest, n);
      return version;
    },
  };
  for (const migrate of list) migrate(probe as unknown as Dexie);
  return highest;
}

export const SCHEMA_VERSION = declaredVersion(migrations);
