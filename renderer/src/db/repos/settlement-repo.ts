/**
 * "Record settlement": sets a dispute's resolution and status and adds the settlement note that
 * records it, in one transaction, so the dispute never shows a settlement without its note or the
 * other way round. Everything is validated before anything is written; field errors come back
 * keyed `resolution.…` and `note.…`, the shape of the form that sends them.
 */
import { z } from 'zod';
import {
  disputeInputSchema,
  noteInputSchema,
  resolutionSchema,
  withoutEmptyLicence,
  type Dispute,
  type Note,
  type NoteInput,
} from '../../../../shared/domain/schemas';
import type { ResolutionKind } from '../../../../shared/domain/vocabulary';
import { parseOrThrow, ValidationError } from '../../../../shared/validation';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import type { CasefileDb } from '../casefile-db';
import { updateEntity } from '../entity-store';
import { disputeSpec, disputeToInput } from './dispute-repo';
import { createNote } from './note-repo';

/**
 * A dismissal, withdrawal or judgment closes the dispute; every other outcome (settlement,
 * licence, cross-licence, other) is one the parties agreed, so the dispute is settled.
 */
export function statusAfter(kind: ResolutionKind): Dispute['status'] {
  return kind === 'dismissal' || kind === 'withdrawal' || kind === 'judgment'
    ? 'closed'
    : 'settled';
}

const settlementSchema = z.object({
  resolution: resolutionSchema,
  note: noteInputSchema,
});

export type SettlementInput = {
  resolution: z.input<typeof resolutionSchema>;
  /** The note telling the story of the settlement; it is marked as recording the resolution. */
  note: Omit<NoteInput, 'disputeId' | 'recordsResolution'>;
};

export async function recordSettlement(
  db: CasefileDb,
  disputeId: string,
  input: SettlementInput,
): Promise<{ dispute: Dispute; note: Note }> {
  const parsed = parseOrThrow(
    settlementSchema,
    { ...input, note: { ...input.note, disputeId, recordsResolution: true } },
    'The settlement',
  );
  const resolution = withoutEmptyLicence(parsed.resolution);
  return db.transaction('rw', [db.disputes, db.notes, db.audit], async () => {
    const before = await db.disputes.get(disputeId);
    if (!before) throw new Error('The dispute no longer exists; it may have been deleted.');
    const disputeInput = {
      ...disputeToInput(before),
      resolution,
      status: statusAfter(resolution.kind),
      // The dispute ends when it was resolved, unless counsel already dated its close.
      closedOn: before.closedOn || resolution.date,
    };
    if (!disputeInputSchema.safeParse(disputeInput).success) {
      // The only rule a valid resolution can break here: closing before the dispute opened.
      throw new ValidationError('The settlement', {
        'resolution.date': `The dispute opened ${formatPartialDate(before.openedOn)}; date the outcome on or after that.`,
      });
    }
    const dispute = await updateEntity(db, disputeSpec, disputeId, disputeInput);
    const note = await createNote(db, parsed.note);
    return { dispute, note };
  });
}
