/**
 * A dispute's life: the one rule between its status, its outcome (`resolution`) and its closed
 * date. Every write of a dispute goes through `settleLife` (the repositories' write path); every
 * record that arrives from elsewhere (a bundle, a backup, an older version) goes through
 * `normaliseLife`, which repairs rather than refuses and says what it changed.
 *
 * The rules:
 * 1. An outcome decides the status: a settlement, licence or cross-licence is one the parties
 *    agreed, so the dispute is Settled; a dismissal, withdrawal, judgment or other outcome ended
 *    it without a recorded agreement, so it is Closed ("Settled" would claim an agreement).
 * 2. With an outcome, the closed date is the outcome's date, at the precision it is known
 *    ("2024-11", "2024"); an outcome whose date was not given leaves the closed date empty.
 * 3. Recording an outcome remembers the status and closed date the dispute had just before
 *    (`beforeOutcome`); changing the outcome keeps that memory; removing the outcome puts them
 *    back (or Active with no closed date when there is no memory, as for imported records) and
 *    forgets them.
 * 4. Without an outcome a dispute is never Settled (a settlement is recorded as an outcome), and
 *    only a Closed dispute has a closed date.
 * 5. A status or closed date edited by hand that contradicts these rules is refused by its field,
 *    with the reason; an outcome cannot be dated before the dispute opened.
 */
import type { FieldErrors } from '../validation';
import { formatPartialDate } from './partial-date';
import {
  disputeStatus,
  resolutionKind,
  type DisputeStatus,
  type ResolutionKind,
} from './vocabulary';

export type LifeBeforeOutcome = { status: DisputeStatus; closedOn: string };

/** The fields of a dispute that this rule binds together. */
export type DisputeLife = {
  status: DisputeStatus;
  closedOn: string;
  openedOn: string;
  resolution: { kind: ResolutionKind; date: string } | null;
  beforeOutcome: LifeBeforeOutcome | null;
};

const AGREED: ReadonlySet<ResolutionKind> = new Set(['settlement', 'licence', 'cross-licence']);

export function statusForOutcome(kind: ResolutionKind): 'settled' | 'closed' {
  return AGREED.has(kind) ? 'settled' : 'closed';
}

/** What `beforeOutcome` may hold: never Settled (that needs an outcome), closed date only if Closed. */
function validBefore(before: LifeBeforeOutcome): LifeBeforeOutcome {
  const status = before.status === 'settled' ? 'closed' : before.status;
  return { status, closedOn: status === 'closed' ? before.closedOn : '' };
}

function sameOutcome(a: DisputeLife['resolution'], b: DisputeLife['resolution']): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.date === b.date);
}

const statusWord = (status: DisputeStatus) => disputeStatus.labels[status];
const outcomeWord = (kind: ResolutionKind) => resolutionKind.labels[kind];
const dateWords = (date: string) => (date ? formatPartialDate(date) : 'not given');

/** The rule's violations in a life, keyed by the field that shows each; empty when it holds. */
export function lifeProblems(life: DisputeLife): FieldErrors {
  const errors: FieldErrors = {};
  const { resolution } = life;
  if (resolution) {
    const status = statusForOutcome(resolution.kind);
    if (life.status !== status) {
      errors.status = `The outcome is a ${outcomeWord(resolution.kind).toLowerCase()}, so the status is ${statusWord(status)}. To change it, change or remove the outcome on the Resolution tab.`;
    }
    if (life.closedOn !== resolution.date) {
      errors.closedOn = `The closed date follows the outcome's date (${dateWords(resolution.date)}). To change it, change the outcome's date on the Resolution tab.`;
    }
    if (
      life.openedOn &&
      resolution.date &&
      resolution.date < life.openedOn.slice(0, resolution.date.length)
    ) {
      errors['resolution.date'] =
        `The dispute opened ${formatPartialDate(life.openedOn)}; date the outcome on or after that.`;
    }
  } else {
    if (life.status === 'settled') {
      errors.status =
        'A settlement is recorded as an outcome: use “Record settlement” or the Resolution tab, which set the status to Settled.';
    }
    if (life.closedOn && life.status !== 'closed') {
      errors.closedOn = `Only a closed dispute has a closed date: set the status to Closed, or clear the date (the status is ${statusWord(life.status)}).`;
    }
  }
  return errors;
}

export type SettledLife = { ok: true; life: DisputeLife } | { ok: false; errors: FieldErrors };

/**
 * The life a write produces from the stored one (`before`, null for a new dispute) and the one
 * asked for. When the outcome is recorded, changed or removed, the outcome decides the status
 * and closed date (rules 1–3); otherwise what was asked must already obey the rule (rule 5).
 */
export function settleLife(before: DisputeLife | null, requested: DisputeLife): SettledLife {
  const outcomeChanged = before !== null && !sameOutcome(before.resolution, requested.resolution);
  let life: DisputeLife;
  if (!outcomeChanged) {
    life = { ...requested, beforeOutcome: before ? before.beforeOutcome : requested.beforeOutcome };
    if (!life.resolution) life.beforeOutcome = null;
  } else if (requested.resolution) {
    const memory =
      before.resolution === null
        ? validBefore({ status: before.status, closedOn: before.closedOn })
        : before.beforeOutcome;
    life = {
      ...requested,
      status: statusForOutcome(requested.resolution.kind),
      closedOn: requested.resolution.date,
      beforeOutcome: memory,
    };
  } else {
    const back = before.beforeOutcome ?? { status: 'active', closedOn: '' };
    life = { ...requested, status: back.status, closedOn: back.closedOn, beforeOutcome: null };
  }
  const errors = lifeProblems(life);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, life };
}

/**
 * Repairs a life that arrived from elsewhere so that it obeys the rule, and says in words what
 * changed (empty when nothing did). Nothing is invented: an outcome is never made up, only the
 * status and closed date that depend on it are brought in line.
 */
export function normaliseLife(life: DisputeLife): { life: DisputeLife; changes: string[] } {
  const changes: string[] = [];
  const next = { ...life };
  if (next.resolution) {
    const status = statusForOutcome(next.resolution.kind);
    if (next.status !== status) {
      changes.push(
        `Status: ${statusWord(next.status)} → ${statusWord(status)} (the outcome is a ${outcomeWord(next.resolution.kind).toLowerCase()})`,
      );
      next.status = status;
    }
    if (next.closedOn !== next.resolution.date) {
      changes.push(
        `Closed: ${dateWords(next.closedOn)} → ${dateWords(next.resolution.date)} (the outcome's date)`,
      );
      next.closedOn = next.resolution.date;
    }
    next.beforeOutcome = next.beforeOutcome && validBefore(next.beforeOutcome);
  } else {
    if (next.status === 'settled') {
      changes.push(
        'Status: Settled → Closed (no outcome is recorded; record the settlement on the Resolution tab if there was one)',
      );
      next.status = 'closed';
    }
    if (next.closedOn && next.status !== 'closed') {
      changes.push(
        `Closed: ${dateWords(next.closedOn)} → not given (the status is ${statusWord(next.status)})`,
      );
      next.closedOn = '';
    }
    next.beforeOutcome = null;
  }
  return { life: next, changes };
}

/** "Status: Active → Settled; Closed: 12 December 2026": what a write will change, for a preview. */
export function describeLifeChange(before: DisputeLife, after: DisputeLife): string[] {
  const lines: string[] = [];
  if (before.status !== after.status) {
    lines.push(`Status: ${statusWord(before.status)} → ${statusWord(after.status)}`);
  }
  if (before.closedOn !== after.closedOn) {
    lines.push(
      before.closedOn
        ? `Closed: ${dateWords(before.closedOn)} → ${dateWords(after.closedOn)}`
        : `Closed: ${dateWords(after.closedOn)}`,
    );
  }
  return lines;
}

/** What recording (or removing, with null) this outcome would change, for the dialog to show. */
export function previewOutcome(
  before: DisputeLife,
  resolution: DisputeLife['resolution'],
): string[] {
  const settled = settleLife(before, { ...before, resolution });
  return settled.ok ? describeLifeChange(before, settled.life) : [];
}

type LifeFields = Omit<DisputeLife, 'beforeOutcome'> & { beforeOutcome?: LifeBeforeOutcome | null };

/** `normaliseLife` for a whole dispute record (or any record carrying its life's fields). */
export function normaliseDispute<D extends LifeFields>(
  dispute: D,
): { dispute: D; changes: string[] } {
  const { life, changes } = normaliseLife({
    ...dispute,
    beforeOutcome: dispute.beforeOutcome ?? null,
  });
  if (changes.length === 0 && dispute.beforeOutcome !== undefined) return { dispute, changes };
  const { status, closedOn, beforeOutcome } = life;
  return { dispute: { ...dispute, status, closedOn, beforeOutcome }, changes };
}
