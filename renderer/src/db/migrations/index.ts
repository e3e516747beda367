import type { Dexie } from 'dexie';
import version1 from './0001-initial';
import version2 from './0002-dispute-status-index';
import version6 from './0006-ocr-jobs';

/** Every schema version in order. Append; never reorder or edit a shipped one. */
export const migrations: ReadonlyArray<(db: Dexie) => void> = [version1, version2, version6];

/** The version number each entry of `migrations` declares (versions need not be contiguous). */
export const MIGRATION_VERSIONS: readonly number[] = [1, 2, 6];

export const SCHEMA_VERSION = MIGRATION_VERSIONS[MIGRATION_VERSIONS.length - 1]!;
