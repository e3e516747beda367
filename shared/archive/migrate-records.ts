/**
 * Brings the records of an archive written under an older database schema up to the current one,
 * before they are validated. One entry per schema step, appended with each Dexie version; a step
 * that only adds an index (like version 2's `[status+updatedAt]`) leaves the records as they are.
 */
import { jurisdictionFromText } from '../domain/jurisdiction';
import { organisationMatchKeys } from '../domain/organisation-key';
import { patentNumberKey } from '../domain/patent-number';
import type { TableName } from './tables';

type RecordStep = (table: TableName, row: unknown) => unknown;

/** `recordSteps[n]` turns a record of schema version n + 1 into one of version n + 2. */
const recordSteps: readonly RecordStep[] = [
  // 1 → 2: an index on disputes; no record changes shape.
  (_table, row) => row,
  // 2 → 3: another change's step goes here when versions are merged.
  (_table, row) => row,
  // 3 → 4: a new table (the trash); no record changes shape.
  (_table, row) => row,
  // 4 → 5: patents gain their number key, organisations their aliases and loose match keys.
  (table, row) => {
    if (table === 'patents') {
      const patent = row as { number?: string; jurisdiction?: string; numberKey?: unknown };
      const jurisdiction = jurisdictionFromText(patent.jurisdiction ?? '') ?? patent.jurisdiction;
      const normalised = { ...patent, jurisdiction: jurisdiction ?? '' };
      return {
        ...normalised,
        numberKey: patentNumberKey(normalised.number ?? '', normalised.jurisdiction),
      };
    }
    if (table === 'organisations') {
      const org = row as { name?: string; aliases?: string[] };
      const aliases = org.aliases ?? [];
      return { ...org, aliases, matchKeys: organisationMatchKeys(org.name ?? '', aliases) };
    }
    return row;
  },
  // 5 → 6: the `ocrJobs` table (not archived) and an index on documents' `emailId`; the new
  // document and dispute fields (email, emailId, receivedOn, exhibitOrder, exhibitScheme) are
  // optional, so no record changes shape.
  (_table, row) => row,
  // 6 → 7: an index on notes' `amount`; no record changes shape.
  (_table, row) => row,
  // 7 → 8: an index on notes' `[disputeId+date]`; no record changes shape.
  (_table, row) => row,
  // 8 → 9: the `ocrLayouts` table (not archived); no record changes shape.
  (_table, row) => row,
  // 9 → 10: the dashboard's `disputeFacts` and `disputeFactsDirty` (derived, not archived: a
  // restore's writes mark every dispute, and the facts are rebuilt); no record changes shape.
  (_table, row) => row,
  // 10 → 11: the documents' `[disputeId+id]` index; no record changes shape.
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
