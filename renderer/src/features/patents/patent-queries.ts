/**
 * The Patents page's read model. The page first reads the patents alone (and their owners' names)
 * so it can draw at once; each row's assertions, proceedings and disputes are joined only for the
 * rows in view, through the `assertions.patentId` index and `bulkGet` by id. The owner side and
 * "how it fared" of every patent (needed only by those two filters) are read in a separate pass,
 * when such a filter is chosen. Filtering and grouping are pure functions over the patents.
 */
import type { Assertion, Dispute, Patent, Proceeding } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { compareCodeUnits } from '../../../../shared/text/compare';

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

export type PatentIndex = {
  patents: Patent[];
  /** Owner id → organisation name, for the owners of these patents. */
  ownerNames: Map<string, string>;
};

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

/** Every patent and its owner's name: what the page needs to draw, filter and group its list. */
export async function listPatents(db: CasefileDb): Promise<PatentIndex> {
  const patents = await db.patents.toArray();
  const ownerIds = unique(patents.map((p) => p.ownerId));
  const owners = await db.organisations.bulkGet(ownerIds);
  const ownerNames = new Map<string, string>();
  for (const owner of owners) if (owner) ownerNames.set(owner.id, owner.name);
  return { patents, ownerNames };
}

/** Joins the given patents (the rows in view) with their assertions, proceedings and disputes. */
export async function joinPatentRows(db: CasefileDb, patents: Patent[]): Promise<PatentRow[]> {
  if (patents.length === 0) return [];
  const assertions = await db.assertions
    .where('patentId')
    .anyOf(patents.map((p) => p.id))
    .toArray();
  const ownerOf = new Map(patents.map((p) => [p.id, p.ownerId]));
  const ownerPairs = unique(
    assertions.map((a) => {
      const ownerId = ownerOf.get(a.patentId);
      return ownerId ? `${a.disputeId} ${ownerId}` : null;
    }),
  ).map((pair) => pair.split(' ') as [string, string]);
  const [proceedings, disputes, owners, parties] = await Promise.all([
    db.proceedings.bulkGet(unique(assertions.map((a) => a.proceedingId))),
    db.disputes.bulkGet(unique(assertions.map((a) => a.disputeId))),
    db.organisations.bulkGet(unique(patents.map((p) => p.ownerId))),
    ownerPairs.length
      ? db.disputeParties.where('[disputeId+organisationId]').anyOf(ownerPairs).toArray()
      : [],
  ]);
  const ownerName = new Map<string, string>();
  for (const o of owners) if (o) ownerName.set(o.id, o.name);
  const sideIn = new Map(parties.map((p) => [`${p.organisationId} ${p.disputeId}`, p.ourSide]));
  const disputeById = new Map<string, Dispute>();
  for (const d of disputes) if (d) disputeById.set(d.id, d);
  const proceedingById = new Map<string, Proceeding>();
  for (const p of proceedings) if (p) proceedingById.set(p.id, p);
  const assertionsBy = groupAssertions(assertions);

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
      ownerSide: ownerSideOf(
        patent,
        lines.map((l) => l.assertion),
        sideIn,
      ),
      assertions: lines,
    };
  });
}

/** Every patent joined: for tests and callers that truly need them all. */
export async function listPatentRows(db: CasefileDb): Promise<PatentRow[]> {
  return joinPatentRows(db, await db.patents.toArray());
}

function groupAssertions(assertions: Assertion[]): Map<string, Assertion[]> {
  const by = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const list = by.get(a.patentId);
    if (list) list.push(a);
    else by.set(a.patentId, [a]);
  }
  return by;
}

function ownerSideOf(
  patent: Patent,
  assertions: Assertion[],
  sideIn: Map<string, boolean>,
): OwnerSide {
  if (!patent.ownerId) return 'unknown';
  const sides = assertions.map((a) => sideIn.get(`${patent.ownerId} ${a.disputeId}`));
  if (sides.includes(true)) return 'ours';
  if (sides.includes(false)) return 'theirs';
  return 'third-party';
}

/** What the owner and "how it fared" filters need to know of every patent. */
export type PatentFacts = Map<string, { ownerSide: OwnerSide; statuses: Set<string> }>;

/**
 * The owner side and assertion statuses of every patent. It reads whole tables (patents,
 * assertions, parties), so the page runs it only once one of those two filters is chosen.
 */
export async function listPatentFacts(db: CasefileDb): Promise<PatentFacts> {
  const [patents, assertions, parties] = await Promise.all([
    db.patents.toArray(),
    db.assertions.toArray(),
    db.disputeParties.toArray(),
  ]);
  const sideIn = new Map(parties.map((p) => [`${p.organisationId} ${p.disputeId}`, p.ourSide]));
  const assertionsBy = groupAssertions(assertions);
  const facts: PatentFacts = new Map();
  for (const patent of patents) {
    const list = assertionsBy.get(patent.id) ?? [];
    facts.set(patent.id, {
      ownerSide: ownerSideOf(patent, list, sideIn),
      statuses: new Set(list.map((a) => a.status)),
    });
  }
  return facts;
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

/** Whether these filters need every patent's facts (see `listPatentFacts`). */
export const needsFacts = (filters: PatentFilters) => !!(filters.owner || filters.status);

/**
 * The patents these filters keep, or `undefined` while the owner or status filter waits for the
 * facts it needs.
 */
export function filterPatents(
  patents: Patent[],
  filters: PatentFilters,
  ownerNames: Map<string, string>,
  facts?: PatentFacts,
): Patent[] | undefined {
  if (needsFacts(filters) && !facts) return undefined;
  const needle = filters.text.trim().toLocaleLowerCase();
  const compact = needle.replace(/[^\p{L}\p{N}]/gu, '');
  return patents.filter((patent) => {
    if (filters.jurisdiction && patent.jurisdiction !== filters.jurisdiction) return false;
    if (filters.technology && patent.technology !== filters.technology) return false;
    if (filters.sep && patent.sep !== (filters.sep === 'sep')) return false;
    const fact = facts?.get(patent.id);
    if (filters.owner && fact?.ownerSide !== filters.owner) return false;
    if (filters.status && !fact?.statuses.has(filters.status)) return false;
    if (!needle) return true;
    if (compact && patent.numberKey?.toLocaleLowerCase().includes(compact)) return true;
    const ownerName = patent.ownerId ? (ownerNames.get(patent.ownerId) ?? '') : '';
    return [patent.number, patent.title, patent.technology, patent.family, ownerName]
      .join('\n')
      .toLocaleLowerCase()
      .includes(needle);
  });
}

export type PatentListItem =
  | { kind: 'family'; family: string; count: number }
  | { kind: 'patent'; patent: Patent; inFamily: boolean };

const label = (p: Patent) => p.number || p.title || p.technology;
const collator = new Intl.Collator(undefined, { numeric: true });
/** Code-unit order, the order IndexedDB keeps its index keys in. */
const keyOrder = compareCodeUnits;

/** Patents by number key (the index's order), those without a number last by label. */
function byNumber(a: Patent, b: Patent): number {
  if (a.numberKey && b.numberKey) return keyOrder(a.numberKey, b.numberKey);
  if (a.numberKey || b.numberKey) return a.numberKey ? -1 : 1;
  return collator.compare(label(a), label(b));
}

/**
 * The list as drawn: each family's members together under its name, families first, then the
 * patents of no family. The order is the `family` and `numberKey` indexes' order, so the first
 * page read through them (`listFirstPatents`) is the head of the whole list.
 */
export function groupByFamily(patents: Patent[]): PatentListItem[] {
  const families = new Map<string, Patent[]>();
  const single: Patent[] = [];
  for (const patent of patents) {
    const family = patent.family.trim();
    if (!family) single.push(patent);
    else {
      const members = families.get(family);
      if (members) members.push(patent);
      else families.set(family, [patent]);
    }
  }
  const items: PatentListItem[] = [];
  for (const family of [...families.keys()].sort(keyOrder)) {
    const members = families.get(family)!.sort(byNumber);
    items.push({ kind: 'family', family, count: members.length });
    for (const patent of members) items.push({ kind: 'patent', patent, inFamily: true });
  }
  for (const patent of single.sort(byNumber))
    items.push({ kind: 'patent', patent, inFamily: false });
  return items;
}

/**
 * About the first `size` patents of the list as `groupByFamily` orders it, read through the
 * `family` and `numberKey` indexes, so the page can draw before every patent is read. The last
 * family is read whole, so its count is right.
 */
export async function listFirstPatents(db: CasefileDb, size: number): Promise<Patent[]> {
  const members = await db.patents.where('family').above('').limit(size).toArray();
  const last = members.at(-1)?.family;
  const page = members.filter((p) => p.family !== last);
  if (last !== undefined) page.push(...(await db.patents.where('family').equals(last).toArray()));
  if (page.length < size) {
    const single = await db.patents
      .orderBy('numberKey')
      .filter((p) => !p.family.trim())
      .limit(size - page.length)
      .toArray();
    page.push(...single);
  }
  return page;
}
