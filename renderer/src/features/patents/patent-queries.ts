/**
 * The Patents page's read model: every patent once, with every assertion of it across disputes
 * (dispute, proceeding and forum, claims, how it fared, dates), its owner seen from our side, and
 * its family. Each table is read once and joined in memory (a handful of IndexedDB reads however
 * many disputes). Filtering is a
 * pure function over these rows, run on a deferred value by the page.
 */
import type { Assertion, Dispute, Patent, Proceeding } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';

/** Whose patent it is, seen from the disputes it is asserted in. */
export type OwnerSide = 'ours' | 'theirs' | 'third-party' | 'unknown';

export const ownerSideLabels: Record<OwnerSide, string> = {
  ours: 'Ours',
  theirs: 'Theirs',
  'third-party': 'Third party',
  unknown: 'Owner not given',
};

export type AssertionLine = {
  assertion: Assertion;
  dispute: Pick<Dispute, 'id' | 'title' | 'status'> | undefined;
  proceeding: Proceeding | undefined;
};

export type PatentRow = {
  patent: Patent;
  ownerName: string;
  ownerSide: OwnerSide;
  assertions: AssertionLine[];
};

export async function listPatentRows(db: CasefileDb): Promise<PatentRow[]> {
  // Whole-table getAll reads: at this size they are several times faster than index cursors
  // (anyOf over thousands of owner ids walks a cursor), and the page shows every patent anyway.
  const [patents, assertions, proceedings, disputes, organisations, parties] = await Promise.all([
    db.patents.toArray(),
    db.assertions.toArray(),
    db.proceedings.toArray(),
    db.disputes.toArray(),
    db.organisations.toArray(),
    db.disputeParties.toArray(),
  ]);
  const ownerName = new Map(organisations.map((o) => [o.id, o.name]));
  /** `${organisationId} ${disputeId}` → our side? */
  const sideIn = new Map(parties.map((p) => [`${p.organisationId} ${p.disputeId}`, p.ourSide]));
  const disputeById = new Map(disputes.map((d) => [d.id, d]));
  const proceedingById = new Map(proceedings.map((p) => [p.id, p]));
  const assertionsBy = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const list = assertionsBy.get(a.patentId);
    if (list) list.push(a);
    else assertionsBy.set(a.patentId, [a]);
  }

  return patents.map((patent) => {
    const lines = (assertionsBy.get(patent.id) ?? []).map((assertion) => {
      const dispute = disputeById.get(assertion.disputeId);
      return {
        assertion,
        dispute: dispute && { id: dispute.id, title: dispute.title, status: dispute.status },
        proceeding: proceedingById.get(assertion.proceedingId),
      };
    });
    lines.sort(
      (a, b) =>
        (a.dispute?.title ?? '').localeCompare(b.dispute?.title ?? '') ||
        (a.proceeding?.filedOn ?? '').localeCompare(b.proceeding?.filedOn ?? ''),
    );
    return {
      patent,
      ownerName: patent.ownerId ? (ownerName.get(patent.ownerId) ?? '') : '',
      ownerSide: ownerSideOf(patent, lines, sideIn),
      assertions: lines,
    };
  });
}

function ownerSideOf(
  patent: Patent,
  lines: AssertionLine[],
  sideIn: Map<string, boolean>,
): OwnerSide {
  if (!patent.ownerId) return 'unknown';
  const sides = lines.map((l) => sideIn.get(`${patent.ownerId} ${l.assertion.disputeId}`));
  if (sides.includes(true)) return 'ours';
  if (sides.includes(false)) return 'theirs';
  return 'third-party';
}

export type PatentFilters = {
  text: string;
  owner: OwnerSide | null;
  jurisdiction: string | null;
  technology: string | null;
  sep: 'sep' | 'not-sep' | null;
  status: string | null;
};

export const noFilters: PatentFilters = {
  text: '',
  owner: null,
  jurisdiction: null,
  technology: null,
  sep: null,
  status: null,
};

export function filterPatentRows(rows: PatentRow[], filters: PatentFilters): PatentRow[] {
  const needle = filters.text.trim().toLocaleLowerCase();
  const compact = needle.replace(/[^\p{L}\p{N}]/gu, '');
  return rows.filter(({ patent, ownerSide, ownerName, assertions }) => {
    if (filters.owner && ownerSide !== filters.owner) return false;
    if (filters.jurisdiction && patent.jurisdiction !== filters.jurisdiction) return false;
    if (filters.technology && patent.technology !== filters.technology) return false;
    if (filters.sep && patent.sep !== (filters.sep === 'sep')) return false;
    if (filters.status && !assertions.some((a) => a.assertion.status === filters.status)) {
      return false;
    }
    if (!needle) return true;
    if (compact && patent.numberKey?.toLocaleLowerCase().includes(compact)) return true;
    return [patent.number, patent.title, patent.technology, patent.family, ownerName]
      .join('\n')
      .toLocaleLowerCase()
      .includes(needle);
  });
}

export type PatentListItem =
  | { kind: 'family'; family: string; count: number }
  | { kind: 'patent'; row: PatentRow; inFamily: boolean };

const label = (p: Patent) => p.number || p.title || p.technology;

/**
 * The list as drawn: each family's members together under its name, families first by name,
 * then the patents of no family, each group in number order.
 */
export function groupByFamily(rows: PatentRow[]): PatentListItem[] {
  const families = new Map<string, PatentRow[]>();
  const single: PatentRow[] = [];
  for (const row of rows) {
    const family = row.patent.family.trim();
    if (!family) single.push(row);
    else families.set(family, [...(families.get(family) ?? []), row]);
  }
  const byLabel = (a: PatentRow, b: PatentRow) =>
    label(a.patent).localeCompare(label(b.patent), undefined, { numeric: true });
  const items: PatentListItem[] = [];
  for (const family of [...families.keys()].sort((a, b) => a.localeCompare(b))) {
    const members = families.get(family)!.sort(byLabel);
    items.push({ kind: 'family', family, count: members.length });
    for (const row of members) items.push({ kind: 'patent', row, inFamily: true });
  }
  for (const row of single.sort(byLabel)) items.push({ kind: 'patent', row, inFamily: false });
  return items;
}
