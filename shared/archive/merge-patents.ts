/**
 * Records of an archive written before patent numbers were unique (schema < 5) may hold one patent
 * twice ("EP 1 234 567 B1" and "EP1234567"); the database's unique `numberKey` index would refuse
 * the second. They are merged here the way the live version 5 upgrade merges them
 * (renderer/src/db/migrations/0005-patent-number-key.ts): the older record is kept, its empty
 * fields take the other's values, its SEP flag is set if either was, the other's assertions move
 * to it, and every conflicting value is listed in the report, the audit log (where the archive
 * carries one) and the settings record the Patents page shows. Nothing is dropped silently.
 */
import type { Assertion, AuditEntry, Patent } from '../domain/schemas';
import type { TableName } from './tables';

/** The settings key of the version 5 upgrade's report, which the Patents page shows. */
export const PATENT_MERGE_REPORT_KEY = 'upgrade-v5-report';

export type MergedPatent = {
  keptId: string;
  mergedId: string;
  number: string;
  conflicts: string[];
};

const MERGEABLE = ['title', 'ownerId', 'technology', 'family', 'expiresOn'] as const;

export type MergeablePatent = {
  title: string;
  ownerId: string | null;
  technology: string;
  family: string;
  expiresOn: string;
  sep: boolean;
};

/**
 * The one rule for two records of one patent, used by the version 5 upgrade and by restore and
 * import of older archives: the kept record's empty fields take the other's values, a value both
 * hold differently stays the kept one's and is reported, SEP if either says so. Changes `keeper`
 * in place and answers the conflicts and the field changes for the audit log.
 */
export function absorbDuplicatePatent(keeper: MergeablePatent, other: MergeablePatent) {
  const before = { ...keeper };
  const conflicts: string[] = [];
  for (const field of MERGEABLE) {
    if (!keeper[field] && other[field]) Object.assign(keeper, { [field]: other[field] });
    else if (other[field] && keeper[field] !== other[field]) {
      conflicts.push(`${field}: kept “${keeper[field]}”, not “${other[field]}”`);
    }
  }
  if (other.sep && !keeper.sep) keeper.sep = true;
  const changes = ([...MERGEABLE, 'sep'] as const)
    .filter((field) => before[field] !== keeper[field])
    .map((field) => ({ field, old: before[field], new: keeper[field] }));
  return { conflicts, changes };
}

/**
 * Merges the patents of `tables` that share a number key, in place, and returns what it merged.
 * `tables` holds validated records (see read-archive.ts).
 */
export function mergeDuplicatePatents(
  tables: Partial<Record<TableName, unknown[]>>,
  at: string,
): MergedPatent[] {
  const patents = (tables.patents ?? []) as Patent[];
  const ordered = [...patents].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const kept = new Map<string, Patent>();
  /** merged id → kept id */
  const movedTo = new Map<string, string>();
  const merged: MergedPatent[] = [];
  const audit: AuditEntry[] = [];
  for (const next of ordered) {
    const keeper = next.numberKey ? kept.get(next.numberKey) : undefined;
    if (!keeper) {
      if (next.numberKey) kept.set(next.numberKey, next);
      continue;
    }
    const { conflicts, changes } = absorbDuplicatePatent(keeper, next);
    keeper.updatedAt = at;
    movedTo.set(next.id, keeper.id);
    merged.push({ keptId: keeper.id, mergedId: next.id, number: keeper.number, conflicts });
    audit.push({
      at,
      entity: 'patent',
      entityId: keeper.id,
      disputeId: null,
      action: 'update',
      summary: `Merged a second record of patent “${keeper.number}” into this one on restore${
        conflicts.length ? ` (${conflicts.join('; ')})` : ''
      }`,
      changes: [{ field: 'mergedPatentId', old: null, new: next.id }, ...changes],
    });
  }
  if (merged.length === 0) return merged;

  tables.patents = patents.filter((p) => !movedTo.has(p.id));
  tables.assertions = ((tables.assertions ?? []) as Assertion[]).map((a) => {
    const keptId = movedTo.get(a.patentId);
    return keptId ? { ...a, patentId: keptId, updatedAt: at } : a;
  });
  // A bundle carries no audit log and no settings; a backup carries both.
  if (tables.audit) tables.audit = [...tables.audit, ...audit];
  if (tables.settings) {
    const report = { at, mergedPatents: merged, unknownJurisdictions: [] };
    tables.settings = [
      ...tables.settings.filter((s) => (s as { key: string }).key !== PATENT_MERGE_REPORT_KEY),
      { key: PATENT_MERGE_REPORT_KEY, value: report },
    ];
  }
  return merged;
}
