/**
 * "Record settlement": sets a dispute's outcome (its status and closed date follow, by
 * dispute-life.ts) and adds the note that tells it, in one transaction. The outcome's kind and
 * date (or an explicit "Date not given") are required, so an empty form settles nothing; a note
 * with neither words nor a sum is not added. Everything is validated before anything is written; field errors
 * come back keyed `resolution.…` and `note.…`, the shape of the form that sends them.
 */
import { z } from 'zod';
import {
  noteInputSchema,
  recordedOutcomeSchema,
  withoutEmptyLicence,
  type Dispute,
  type Note,
  type NoteInput,
} from '../../../../shared/domain/schemas';
import { parseOrThrow } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { updateEntity } from '../entity-store';
import { disputeSpec, disputeToInput } from './dispute-repo';
import { createNote } from './note-repo';

const settlementSchema = z.object({
  resolution: recordedOutcomeSchema,
  note: noteInputSchema,
});

export type SettlementInput = {
  resolution: z.input<typeof recordedOutcomeSchema>;
  /** The note telling the story of the settlement; it is marked as recording the resolution. */
  note: Omit<NoteInput, 'disputeId' | 'recordsResolution'>;
};

export async function recordSettlement(
  db: CasefileDb,
  disputeId: string,
  input: SettlementInput,
): Promise<{ dispute: Dispute; note: Note | null }> {
  const parsed = parseOrThrow(
    settlementSchema,
    { ...input, note: { ...input.note, disputeId, recordsResolution: true } },
    'The settlement',
  );
  const resolution = withoutEmptyLicence(parsed.resolution);
  // Documents are only read: the note's audit entry names the documents it links.
  return db.transaction('rw', [db.disputes, db.notes, db.audit, db.documents], async () => {
    const before = await db.disputes.get(disputeId);
    if (!before) throw new Error('The dispute no longer exists; it may have been deleted.');
    // Status and closed date follow from the outcome in the write path (dispute-life.ts).
    const disputeInput = { ...disputeToInput(before), resolution };
    const dispute = await updateEntity(db, disputeSpec, disputeId, disputeInput);
    // A note with words or a sum tells part of the settlement; an empty one would say nothing.
    const { body, title, amount } = parsed.note;
    const note = body || title || amount != null ? await createNote(db, parsed.note) : null;
    return { dispute, note };
  });
}
