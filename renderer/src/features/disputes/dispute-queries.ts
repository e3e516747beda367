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
import {
  closedYearOf,
  isOpenStatus,
  NO_YEAR,
  outcomeGroupOf,
  type OutcomeGroup,
} from '../../../../shared/domain/portfolio-groups';
import { disputeStatus, ourRole } from '../../../../shared/domain/vocabulary';
import { forumName } from '../../../../shared/domain/display-names';
import type { CasefileDb } from '../../db/casefile-db';
import type { DisputeFilters, SortDirection, SortKey } from './dispute-filters';

export type DisputeRow = {
  dispute: Dispute;
  counterparties: string[];
  /** "Forum (Country)" per proceeding, as the list shows them. */
  forums: string[];
  /** The proceedings' forums and countries as entered, for filtering and counting. */
  forumNames: string[];
  countries: string[];
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
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))];
  return disputes.map((dispute) => ({
    dispute,
    counterparties: (partiesBy.get(dispute.id) ?? [])
      .filter((p) => !p.ourSide)
      .map((p) => names.get(p.organisationId) ?? 'Unknown organisation'),
    // Sorted so the list reads the same on every load, whatever order the ids fall in.
    forums: [...new Set((proceedingsBy.get(dispute.id) ?? []).map(forumLabel))].sort((a, b) =>
      a.localeCompare(b),
    ),
    forumNames: distinct((proceedingsBy.get(dispute.id) ?? []).map((p) => p.forum)),
    countries: distinct((proceedingsBy.get(dispute.id) ?? []).map((p) => p.country)),
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

/**
 * A row made ready for the list once per read: its search text folded to lower case and its sort
 * keys computed, so a keystroke is one `includes` per row and a sort compares plain values.
 */
export type ListRow = DisputeRow & {
  haystack: string;
  keys: Record<SortKey, string | number>;
  openedYear: string;
  closedYear: string;
  outcome: OutcomeGroup | null;
};

export function prepareRows(rows: DisputeRow[]): ListRow[] {
  return rows.map((row) => {
    const { dispute } = row;
    return {
      ...row,
      haystack: [
        dispute.title,
        dispute.matterNumber,
        dispute.summary,
        ...dispute.tags,
        ...row.counterparties,
        ...row.forums,
      ]
        .join('\n')
        .toLocaleLowerCase(),
      keys: {
        title: dispute.title.toLocaleLowerCase(),
        ourRole: ourRole.labels[dispute.ourRole].toLocaleLowerCase(),
        counterparties: row.counterparties.join('; ').toLocaleLowerCase(),
        status: disputeStatus.values.indexOf(dispute.status),
        forums: row.forums.join('; ').toLocaleLowerCase(),
        patents: row.patentCount,
        openedOn: dispute.openedOn,
        updatedAt: dispute.updatedAt,
      },
      openedYear: dispute.openedOn.slice(0, 4),
      closedYear: closedYearOf(dispute),
      outcome: outcomeGroupOf(dispute.resolution),
    };
  });
}

/** A new array in the chosen order; ties fall back to the title, then the id, so it is stable. */
export function sortRows(rows: ListRow[], sort: SortKey, direction: SortDirection): ListRow[] {
  const factor = direction === 'ascending' ? 1 : -1;
  const compare = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows].sort(
    (a, b) =>
      compare(a.keys[sort], b.keys[sort]) * factor ||
      compare(a.keys.title, b.keys.title) ||
      compare(a.dispute.id, b.dispute.id),
  );
}

/** Does the row pass every filter but the text? (The text is matched apart, deferred.) */
export function matchesFilters(row: ListRow, filters: DisputeFilters): boolean {
  const { dispute } = row;
  if (
    filters.status === 'open'
      ? !isOpenStatus(dispute.status)
      : filters.status && dispute.status !== filters.status
  )
    return false;
  if (filters.role && dispute.ourRole !== filters.role) return false;
  if (filters.forum && !row.forumNames.includes(filters.forum)) return false;
  if (filters.country && !row.countries.includes(filters.country)) return false;
  if (filters.opened && row.openedYear !== yearOf(filters.opened)) return false;
  if (filters.closed && row.closedYear !== yearOf(filters.closed)) return false;
  if (filters.outcome && row.outcome !== filters.outcome) return false;
  return true;
}

const yearOf = (filter: string) => (filter === NO_YEAR ? '' : filter);

export function matchesText(row: ListRow, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  return !needle || row.haystack.includes(needle);
}

/** Filters and sorts in one go (the list does the two apart, so a keystroke never re-sorts). */
export function filterAndSortRows(rows: DisputeRow[], filters: DisputeFilters): ListRow[] {
  return sortRows(prepareRows(rows), filters.sort, filters.direction).filter(
    (row) => matchesFilters(row, filters) && matchesText(row, filters.q),
  );
}
