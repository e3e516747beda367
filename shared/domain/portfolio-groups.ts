/**
 * How the portfolio groups disputes for counsel reading across them: which statuses count as open,
 * and the few outcomes a general counsel asks about (the resolution kinds folded into them). The
 * disputes list's filters, the Home dashboard and the portfolio report all group with these, so a
 * bar on the dashboard and the list it opens always count the same disputes.
 */
import {
  judgmentResult,
  resolutionKind,
  type DisputeStatus,
  type JudgmentResult,
  type ResolutionKind,
} from './vocabulary';

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
 * Outcomes as counted per year. A judgment counts as won or lost by its recorded result; one
 * whose result is mixed or was never recorded (every judgment entered before the result was
 * kept) is its own group rather than guessed at.
 */
export const outcomeGroup = labelled({
  settled: 'Settled',
  licence: 'Licence',
  dismissed: 'Dismissed or withdrawn',
  'judgment-won': 'Judgment won',
  'judgment-lost': 'Judgment lost',
  judgment: 'Judgment, mixed or not recorded',
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

type ResolutionLike = { kind: ResolutionKind; judgmentResult?: JudgmentResult | undefined };

/** How a judgment went for us: "not-recorded" for other outcomes and for older records. */
export function judgmentResultOf(resolution: ResolutionLike | null | undefined): JudgmentResult {
  return (resolution?.kind === 'judgment' && resolution.judgmentResult) || 'not-recorded';
}

export function outcomeGroupOf(resolution: ResolutionLike | null | undefined): OutcomeGroup | null {
  if (!resolution) return null;
  const result = judgmentResultOf(resolution);
  if (result === 'for-us') return 'judgment-won';
  if (result === 'against-us') return 'judgment-lost';
  return groupOfKind[resolution.kind];
}

/** An outcome in words: "Settlement", "Judgment (against us)", "Judgment (result not recorded)". */
export function outcomeLabel(resolution: ResolutionLike): string {
  const kind = resolutionKind.labels[resolution.kind];
  if (resolution.kind !== 'judgment') return kind;
  const result = judgmentResultOf(resolution);
  return result === 'not-recorded'
    ? `${kind} (result not recorded)`
    : `${kind} (${judgmentResult.labels[result].toLowerCase()})`;
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
