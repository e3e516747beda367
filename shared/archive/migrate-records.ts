/**
 * Brings the records of an archive written under an older database schema up to the current one,
 * before they are validated. One entry per schema step, appended with each Dexie version; a step
 * that only adds an index (like version 2's `[status+updatedAt]`) leaves the records as they are.
 */
import type { TableName } from './tables';

type RecordStep = (table: TableName, row: unknown) => unknown;

/** `recordSteps[n]` turns a record of schema version n + 1 into one of version n + 2. */
const recordSteps: readonly RecordStep[] = [
  // 1 → 2: an index on disputes; no record changes shape.
  (_table, row) => row,
  // 2 → 3: another change's step goes here when versions are merged (none on this branch).
  (_table, row) => row,
  // 3 → 4: a new table (the trash); no record changes shape.
  (_table, row) => row,
];

export function migrateRecord(
  table: TableName,
  row: unknown,
  fromVersion: number,
  toVersion: number,
): unknown {
  let current = row;
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = recordSteps[version - 1];
    if (step === undefined) throw new Error(`No record migration from schema ${version}.`);
    current = step(table, current);
  }
  return current;
}

export const LATEST_MIGRATABLE_VERSION = recordSteps.length + 1;
