import type { Dexie } from 'dexie';
import version1 from './0001-initial';
import version2 from './0002-dispute-status-index';
import version5 from './0005-patent-number-key';
import version8 from './0008-note-amount-index';

/**
 * Stand-ins for versions 3, 4, 6 and 7, which other branches define (issue-14a took 5, issue-14d
 * took 8). They change
 * nothing; the lead replaces them with the real files when the branches are chained.
 */
const placeholder = (version: number) => (db: Dexie) => {
  db.version(version).stores({});
};

/** Every schema version in order. Append; never reorder or edit a shipped one. */
export const migrations: ReadonlyArray<(db: Dexie) => void> = [
  version1,
  version2,
  placeholder(3),
  placeholder(4),
  version5,
  placeholder(6),
  placeholder(7),
  version8,
];

export const SCHEMA_VERSION = migrations.length;
