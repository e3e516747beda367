/**
 * How the portfolio groups disputes for counsel reading across them: which statuses count as open,
 * and the few outcomes a general counsel asks about (the resolution kinds folded into them). The
 * disputes list's filters, the Home dashboard and the portfolio report all group with these, so a
 * bar on the dashboard and the list it opens always count the same disputes.
 */
import type { DisputeStatus, ResolutionKind } from './vocabulary';

const closedStatuses: ReadonlySet<DisputeStatus> = new Set(['settled', 'closed']);

/** Open: still being fought or assessed (not settled or closed). */
export function isOpenStatus(status: DisputeStatus): boolean {
  return !closedStatuses.has(status);
}

function labelled<const T extends string>(labels: Record<T, string>) {
  const values = Object.keys(labels) as [T, ...T[]];
  return { values, labels };
}

/**
 * Outcomes as counted per year. The record holds no "won" or "lost" for a judgment (only its
 * kind and text), so judgments are counted as one group rather than guessed at.
 */
export const outcomeGroup = labelled({
  settled: 'Settled',
  licence: 'Licence',
  dismissed: 'Dismissed or withdrawn',
  judgment: 'Judgment',
  other: 'Other outcome',
});

export type OutcomeGroup = (typeof outcomeGroup.values)[number];

const groupOfKind: Record<ResolutionKind, OutcomeGroup> = {
  settlement: 'settled',
  licence: 'licence',
  'cross-licence': 'licence',
  dismissal: 'dismissed',
  withdrawal: 'dismissed',
  judgment: 'judgment',
  other: 'other',
};

export function outcomeGroupOf(
  resolution: { kind: ResolutionKind } | null | undefined,
): OutcomeGroup | null {
  return resolution ? groupOfKind[resolution.kind] : null;
}

/**
 * The year a dispute ended: its closing date's, else its resolution's; '' when neither is known
 * (the sample's settlement was announced without a date).
 */
export function closedYearOf(dispute: {
  closedOn: string;
  resolution: { date: string } | null;
}): string {
  return dispute.closedOn.slice(0, 4) || dispute.resolution?.date.slice(0, 4) || '';
}

/** The address's word for "no year recorded", and how it reads. */
export const NO_YEAR = 'none';
export const NO_YEAR_LABEL = 'Date not given';
