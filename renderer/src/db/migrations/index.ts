import type { Dexie } from 'dexie';
import version1 from './0001-initial';
import version2 from './0002-dispute-status-index';
import version3 from './0003-search-outbox-open-deadlines';

/** Every schema version in order. Append; never reorder or edit a shipped one. */
export const migrations: ReadonlyArray<(db: Dexie) => void> = [version1, version2, version3];

export const SCHEMA_VERSION = migrations.length;
