/**
 * Version 5: one patent per normalised number, and organisations findable by loose name.
 *
 * - `patents.&numberKey`: the key from shared/domain/patent-number.ts, unique, so "US 10,123,456
 *   B2" and "US10123456" cannot be two patents. Patents without a number have a null key, which
 *   IndexedDB leaves out of the index: any number of them stay valid.
 * - `patents.jurisdiction` and `patents.family`, for the Patents page's filters and families.
 * - `organisations.*matchKeys`: loose keys of the name and aliases, for "Check a name".
 *
 * The upgrade writes the new fields. Free-hand jurisdictions ("China") become codes where they
 * name one; any other is left as it was and listed in the report. Two patents whose numbers are
 * the same patent are merged into the older one: its assertions gain the other's, its empty
 * fields take the other's values, every conflicting value is listed in the report and the audit
 * log, nothing is dropped silently. The report is kept in settings under UPGRADE_REPORT_KEY.
 * Shipped once released; never edit.
 */
import type { Dexie, Transaction } from 'dexie';
import { isJurisdiction, jurisdictionFromText } from '../../../../shared/domain/jurisdiction';
import { organisationMatchKeys } from '../../../../shared/domain/organisation-key';
import { parsePatentNumber, patentNumberKey } from '../../../../shared/domain/patent-number';
import { absorbDuplicatePatent } from '../../../../shared/archive/merge-patents';

/** The version this upgrade follows (the lead re-chains it when versions 3 and 4 land). */
export const PREVIOUS_VERSION = 4;
export const VERSION = 5;
export const UPGRADE_REPORT_KEY = 'upgrade-v5-report';

export const version5Stores = {
  patents: 'id, number, ownerId, &numberKey, jurisdiction, family',
  organisations: 'id, &nameKey, *matchKeys',
} as const;

type OldPatent = {
  id: string;
  number: string;
  jurisdiction: string;
  title: string;
  ownerId: string | null;
  technology: string;
  family: string;
  expiresOn: string;
  sep: boolean;
  createdAt: string;
  updatedAt: string;
  numberKey?: string | null;
};

export type UpgradeReport = {
  at: string;
  mergedPatents: { keptId: string; mergedId: string; number: string; conflicts: string[] }[];
  unknownJurisdictions: { patentId: string; jurisdiction: string }[];
};

export async function upgradeToVersion5(tx: Transaction): Promise<UpgradeReport> {
  const at = new Date().toISOString();
  const report: UpgradeReport = { at, mergedPatents: [], unknownJurisdictions: [] };

  await tx
    .table('organisations')
    .toCollection()
    .modify((org: { name: string; aliases?: string[]; matchKeys?: string[] }) => {
      org.aliases ??= [];
      org.matchKeys = organisationMatchKeys(org.name, org.aliases);
    });

  const patents = (await tx.table('patents').toArray()) as OldPatent[];
  patents.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const kept = new Map<string, OldPatent>();
  for (const patent of patents) {
    const code = isJurisdiction(patent.jurisdiction)
      ? patent.jurisdiction
      : (jurisdictionFromText(patent.jurisdiction) ?? patent.jurisdiction);
    if (code !== '' && !isJurisdiction(code)) {
      report.unknownJurisdictions.push({ patentId: patent.id, jurisdiction: code });
    }
    const parsed = patent.number ? parsePatentNumber(patent.number, code) : null;
    const next: OldPatent = {
      ...patent,
      jurisdiction: code,
      number: parsed?.ok ? parsed.value.display : patent.number,
      numberKey: patentNumberKey(patent.number, code),
    };
    const keeper = next.numberKey ? kept.get(next.numberKey) : undefined;
    if (!keeper) {
      if (next.numberKey) kept.set(next.numberKey, next);
      await tx.table('patents').put(next);
      continue;
    }
    // The same patent twice: keep the older record, move the other's assertions to it.
    const { conflicts, changes } = absorbDuplicatePatent(keeper, next);
    keeper.updatedAt = at;
    await tx.table('patents').put(keeper);
    await tx.table('assertions').where('patentId').equals(next.id).modify({ patentId: keeper.id });
    await tx.table('patents').delete(next.id);
    report.mergedPatents.push({
      keptId: keeper.id,
      mergedId: next.id,
      number: keeper.number,
      conflicts,
    });
    await tx.table('audit').add({
      at,
      entity: 'patent',
      entityId: keeper.id,
      disputeId: null,
      action: 'update',
      summary: `Merged a second record of patent “${keeper.number}” into this one on upgrade${
        conflicts.length ? ` (${conflicts.join('; ')})` : ''
      }`,
      changes: [{ field: 'mergedPatentId', old: null, new: next.id }, ...changes],
    });
  }
  if (report.mergedPatents.length || report.unknownJurisdictions.length) {
    await tx.table('settings').put({ key: UPGRADE_REPORT_KEY, value: report });
  }
  return report;
}

export default function version5(db: Dexie): void {
  db.version(VERSION)
    .stores(version5Stores)
    .upgrade(async (tx) => {
      await upgradeToVersion5(tx);
    });
}
