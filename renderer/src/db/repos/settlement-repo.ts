/**
 * "Record settlement": sets a dispute's resolution and status and adds the settlement note that
 * records it, in one transaction, so the dispute never shows a settlement without its note or the
 * other way round. Everything is validated before anything is written; field errors come back
 * keyed `resolution.…` and `note.…`, the shape of the form that sends them.
 */
import { z } from 'zod';
import {
  noteInputSchema,
  resolutionSchema,
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
    // Status and closed date follow from the outcome in the write path (dispute-life.ts).
    const disputeInput = { ...disputeToInput(before), resolution };
    const dispute = await updateEntity(db, disputeSpec, disputeId, disputeInput);
    const note = await createNote(db, parsed.note);
    return { dispute, note };
  });
}
