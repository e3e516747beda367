import { Dexie as DexieClass, type Dexie } from 'dexie';
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
];

/** The version a list of migrations declares (Dexie knows it before opening anything). */
export function declaredVersion(list: ReadonlyArray<(db: Dexie) => void>): number {
  const probe = new DexieClass('casefile-version-probe');
  for (const migrate of list) migrate(probe);
  return probe.verno;
}

export const SCHEMA_VERSION = declaredVersion(migrations);
