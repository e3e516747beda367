/**
 * Read models for the dispute screens: plain async functions over the database, used through
 * useLiveQuery so the screens follow every change. They read whole tables once rather than per
 * dispute, which keeps the list a handful of IndexedDB reads however many disputes there are.
 */
import type {
  Assertion,
  Dispute,
  DisputeParty,
  Organisation,
  Patent,
  Proceeding,
} from '../../../../shared/domain/schemas';
import { forumName } from '../../../../shared/domain/display-names';
import type { CasefileDb } from '../../db/casefile-db';

export type DisputeRow = {
  dispute: Dispute;
  counterparties: string[];
  forums: string[];
  patentCount: number;
};

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function forumLabel(proceeding: Pick<Proceeding, 'forum' | 'country'>): string {
  return forumName(proceeding);
}

export async function listDisputeRows(db: CasefileDb): Promise<DisputeRow[]> {
  const [disputes, parties, organisations, proceedings, assertions] = await Promise.all([
    db.disputes.toArray(),
    db.disputeParties.toArray(),
    db.organisations.toArray(),
    db.proceedings.toArray(),
    db.assertions.toArray(),
  ]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const partiesBy = groupBy(parties, (p) => p.disputeId);
  const proceedingsBy = groupBy(proceedings, (p) => p.disputeId);
  const assertionsBy = groupBy(assertions, (a) => a.disputeId);
  return disputes.map((dispute) => ({
    dispute,
    counterparties: (partiesBy.get(dispute.id) ?? [])
      .filter((p) => !p.ourSide)
      .map((p) => names.get(p.organisationId) ?? 'Unknown organisation'),
    // Sorted so the list reads the same on every load, whatever order the ids fall in.
    forums: [...new Set((proceedingsBy.get(dispute.id) ?? []).map(forumLabel))].sort((a, b) =>
      a.localeCompare(b),
    ),
    patentCount: new Set((assertionsBy.get(dispute.id) ?? []).map((a) => a.patentId)).size,
  }));
}

export type PartyView = DisputeParty & { organisation: Organisation | undefined };
export type AssertionView = Assertion & {
  patent: Patent | undefined;
  proceeding: Proceeding | undefined;
  owner: Organisation | undefined;
};

export type DisputeDetail = {
  dispute: Dispute;
  parties: PartyView[];
  proceedings: Proceeding[];
  assertions: AssertionView[];
  organisations: Organisation[];
};

/** Patents in a stable, readable order: by number, else title, else technology. */
function byPatentLabel(a: AssertionView, b: AssertionView): number {
  const label = (x: AssertionView) =>
    x.patent?.number || x.patent?.title || x.patent?.technology || '';
  return label(a).localeCompare(label(b), undefined, { numeric: true });
}

export async function loadDisputeDetail(db: CasefileDb, id: string): Promise<DisputeDetail | null> {
  const dispute = await db.disputes.get(id);
  if (!dispute) return null;
  const [parties, proceedings, assertions, organisations] = await Promise.all([
    db.disputeParties.where('disputeId').equals(id).toArray(),
    db.proceedings.where('disputeId').equals(id).sortBy('filedOn'),
    db.assertions.where('disputeId').equals(id).toArray(),
    db.organisations.orderBy('nameKey').toArray(),
  ]);
  const patents = await db.patents.bulkGet([...new Set(assertions.map((a) => a.patentId))]);
  const patentById = new Map(patents.filter((p) => p !== undefined).map((p) => [p.id, p]));
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const proceedingById = new Map(proceedings.map((p) => [p.id, p]));
  return {
    dispute,
    parties: parties.map((p) => ({ ...p, organisation: orgById.get(p.organisationId) })),
    proceedings,
    assertions: assertions
      .map((a) => {
        const patent = patentById.get(a.patentId);
        return {
          ...a,
          patent,
          proceeding: proceedingById.get(a.proceedingId),
          owner: patent?.ownerId ? orgById.get(patent.ownerId) : undefined,
        };
      })
      .sort(byPatentLabel),
    organisations,
  };
}

export type SortKey = 'title' | 'status' | 'ourRole' | 'patents' | 'updatedAt';
export type SortDirection = 'ascending' | 'descending';

export function filterAndSortRows(
  rows: DisputeRow[],
  {
    text,
    status,
    sort,
    direction,
  }: { text: string; status: string | null; sort: SortKey; direction: SortDirection },
): DisputeRow[] {
  const needle = text.trim().toLocaleLowerCase();
  const filtered = rows.filter((row) => {
    if (status && row.dispute.status !== status) return false;
    if (!needle) return true;
    const haystack = [
      row.dispute.title,
      row.dispute.matterNumber,
      row.dispute.summary,
      ...row.dispute.tags,
      ...row.counterparties,
      ...row.forums,
    ]
      .join('\n')
      .toLocaleLowerCase();
    return haystack.includes(needle);
  });
  const value = (row: DisputeRow): string | number => {
    switch (sort) {
      case 'patents':
        return row.patentCount;
      case 'title':
        return row.dispute.title.toLocaleLowerCase();
      default:
        return row.dispute[sort];
    }
  };
  const factor = direction === 'ascending' ? 1 : -1;
  return filtered.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (x < y ? -1 : x > y ? 1 : 0) * factor;
  });
}
