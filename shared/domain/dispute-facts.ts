/**
 * What one dispute contributes to the portfolio's figures (the Home dashboard), reduced to a few
 * words and numbers: its status, our role, the years it opened and closed, its outcome group, the
 * forums and countries of its proceedings and the consideration its resolution notes record. The
 * dashboard folds these in one pass instead of reading every dispute, proceeding and note, and
 * the database keeps one per dispute, recomputed whenever one of its records is written
 * (renderer/src/db/dispute-facts-store.ts). Pure, so the stored facts can be checked against the
 * records they come from.
 */
import { closedYearOf, outcomeGroupOf, type OutcomeGroup } from './portfolio-groups';
import type { Dispute, Note, Proceeding } from './schemas';
import type { DisputeStatus, OurRole } from './vocabulary';

/** A sum recorded by a resolution note: [year, currency, amount]. */
export type Consideration = [year: string, currency: string, amount: number];

export type DisputeFacts = {
  id: string;
  status: DisputeStatus;
  ourRole: OurRole;
  /** YYYY, or '' when not recorded. */
  opened: string;
  /** YYYY, or '' when neither a closing date nor a resolution date is known. */
  closed: string;
  outcome: OutcomeGroup | null;
  /** Distinct, sorted: a dispute counts once per forum and once per country. */
  forums: string[];
  countries: string[];
  /** Only while the dispute has a resolution; sorted, so equal records give equal facts. */
  considerations: Consideration[];
};

export type FactsDispute = Pick<
  Dispute,
  'id' | 'status' | 'ourRole' | 'openedOn' | 'closedOn' | 'resolution'
>;
export type FactsProceeding = Pick<Proceeding, 'disputeId' | 'forum' | 'country'>;
export type FactsNote = Pick<
  Note,
  'date' | 'amount' | 'currency' | 'disputeId' | 'recordsResolution'
>;

const distinct = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();

/** Whether a note can count as consideration (so whether writing it can change the figures). */
export function carriesAmount(note: { amount?: unknown } | undefined): boolean {
  return typeof note?.amount === 'number';
}

/** The facts of `dispute`, from its own proceedings and notes (others' are ignored). */
export function factsOf(
  dispute: FactsDispute,
  proceedings: ReadonlyArray<FactsProceeding>,
  notes: ReadonlyArray<FactsNote>,
): DisputeFacts {
  const own = proceedings.filter((p) => p.disputeId === dispute.id);
  const considerations: Consideration[] =
    dispute.resolution === null
      ? []
      : notes
          .filter(
            (n) =>
              n.disputeId === dispute.id &&
              n.recordsResolution &&
              carriesAmount(n) &&
              Boolean(n.currency) &&
              Boolean(n.date.slice(0, 4)),
          )
          .map((n): Consideration => [n.date.slice(0, 4), n.currency, n.amount as number])
          .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2] - b[2]);
  return {
    id: dispute.id,
    status: dispute.status,
    ourRole: dispute.ourRole,
    opened: dispute.openedOn.slice(0, 4),
    closed: closedYearOf(dispute),
    outcome: outcomeGroupOf(dispute.resolution),
    forums: distinct(own.map((p) => p.forum)),
    countries: distinct(own.map((p) => p.country)),
    considerations,
  };
}

/** The facts of every dispute, from whole tables (a first build, and the tests' reference). */
export function allFactsOf(
  disputes: ReadonlyArray<FactsDispute>,
  proceedings: ReadonlyArray<FactsProceeding>,
  notes: ReadonlyArray<FactsNote>,
): DisputeFacts[] {
  const group = <T extends { disputeId: string }>(rows: ReadonlyArray<T>) => {
    const by = new Map<string, T[]>();
    for (const row of rows) {
      const list = by.get(row.disputeId);
      if (list) list.push(row);
      else by.set(row.disputeId, [row]);
    }
    return by;
  };
  const proceedingsBy = group(proceedings);
  const notesBy = group(notes);
  return disputes.map((d) => factsOf(d, proceedingsBy.get(d.id) ?? [], notesBy.get(d.id) ?? []));
}
