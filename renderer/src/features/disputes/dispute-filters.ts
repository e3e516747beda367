/**
 * The disputes list's filters and sort, kept in the address (`#/disputes?status=open&forum=…`) so a
 * filtered list can be bookmarked, printed and opened from a dashboard bar. Parsing is forgiving:
 * a value the app does not know (an old bookmark, a hand-edited address) is dropped rather than
 * showing an error, and serialising writes only what differs from the default, in a fixed order,
 * so one list has one address.
 */
import {
  NO_YEAR,
  outcomeGroup,
  type OutcomeGroup,
} from '../../../../shared/domain/portfolio-groups';
import {
  disputeStatus,
  ourRole,
  type DisputeStatus,
  type OurRole,
} from '../../../../shared/domain/vocabulary';

export const sortKeys = [
  'title',
  'ourRole',
  'counterparties',
  'status',
  'forums',
  'patents',
  'openedOn',
  'updatedAt',
] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'ascending' | 'descending';

/** `open` is every status but settled and closed; otherwise one status. */
export type StatusFilter = DisputeStatus | 'open';

export type DisputeFilters = {
  q: string;
  status: StatusFilter | null;
  /** A proceeding's forum, as entered (`Beijing IP Court`). */
  forum: string | null;
  /** A proceeding's country, as entered. */
  country: string | null;
  role: OurRole | null;
  /** Years, as four digits, or `none` for disputes without one. */
  opened: string | null;
  closed: string | null;
  outcome: OutcomeGroup | null;
  sort: SortKey;
  direction: SortDirection;
};

export const defaultFilters: DisputeFilters = {
  q: '',
  status: null,
  forum: null,
  country: null,
  role: null,
  opened: null,
  closed: null,
  outcome: null,
  sort: 'updatedAt',
  direction: 'descending',
};

/** The direction a column sorts in when first chosen: numbers and dates newest or largest first. */
export function firstDirection(sort: SortKey): SortDirection {
  return sort === 'updatedAt' || sort === 'patents' || sort === 'openedOn'
    ? 'descending'
    : 'ascending';
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

const year = (value: string | null) =>
  value !== null && (/^\d{4}$/.test(value) || value === NO_YEAR) ? value : null;
const text = (value: string | null) => (value?.trim() ? value.trim() : null);

export function parseDisputeFilters(search: string): DisputeFilters {
  const params = new URLSearchParams(search);
  const sort = oneOf(sortKeys, params.get('sort')) ?? defaultFilters.sort;
  const dir = params.get('dir');
  return {
    q: params.get('q') ?? '',
    status: oneOf<StatusFilter>([...disputeStatus.values, 'open'], params.get('status')),
    forum: text(params.get('forum')),
    country: text(params.get('country')),
    role: oneOf(ourRole.values, params.get('role')),
    opened: year(params.get('opened')),
    closed: year(params.get('closed')),
    outcome: oneOf(outcomeGroup.values, params.get('outcome')),
    sort,
    direction: dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : firstDirection(sort),
  };
}

export function serialiseDisputeFilters(filters: Partial<DisputeFilters>): string {
  const f = { ...defaultFilters, ...filters };
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q);
  for (const key of [
    'status',
    'forum',
    'country',
    'role',
    'opened',
    'closed',
    'outcome',
  ] as const) {
    const value = f[key];
    if (value) params.set(key, value);
  }
  if (f.sort !== defaultFilters.sort || f.direction !== defaultFilters.direction) {
    params.set('sort', f.sort);
    if (f.direction !== firstDirection(f.sort))
      params.set('dir', f.direction === 'ascending' ? 'asc' : 'desc');
  }
  return params.toString();
}

/** The address of the disputes list with these filters, for links and dashboard bars. */
export function disputesHref(filters: Partial<DisputeFilters> = {}): string {
  const search = serialiseDisputeFilters(filters);
  return search ? `/disputes?${search}` : '/disputes';
}

/** True when any filter but the sort narrows the list. */
export function isFiltered(filters: DisputeFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    (['status', 'forum', 'country', 'role', 'opened', 'closed', 'outcome'] as const).some(
      (key) => filters[key] !== null,
    )
  );
}
