import {
  disputeInputSchema,
  type Dispute,
  type DisputeInput,
} from '../../../../shared/domain/schemas';
import { settleLife, type DisputeLife } from '../../../../shared/domain/dispute-life';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import {
  createEntity,
  deleteEntity,
  deleteRecord,
  updateEntity,
  type EntitySpec,
} from '../entity-store';
import { assertionSpec } from './assertion-repo';
import { deadlineSpec } from './deadline-repo';
import { noteSpec } from './note-repo';
import { partySpec } from './party-repo';
import { proceedingSpec } from './proceeding-repo';
import { deleteDocumentRecords } from './document-cascade';

export const disputeSpec: EntitySpec<Dispute, typeof disputeInputSchema> = {
  entity: 'dispute',
  what: 'The dispute',
  table: (db) => db.disputes,
  inputSchema: disputeInputSchema,
  describe: (dispute) => dispute.title,
  disputeIdOf: (dispute) => dispute.id,
  settle: settleDispute,
};

export function lifeOf(dispute: Dispute): DisputeLife {
  return {
    status: dispute.status,
    closedOn: dispute.closedOn,
    openedOn: dispute.openedOn,
    resolution: dispute.resolution,
    beforeOutcome: dispute.beforeOutcome ?? null,
  };
}

/** Applies the rule of a dispute's life (shared/domain/dispute-life.ts) to a write. */
export function settleDispute(dispute: Dispute, before: Dispute | undefined): Dispute {
  const settled = settleLife(before ? lifeOf(before) : null, lifeOf(dispute));
  if (!settled.ok) throw new ValidationError('The dispute', settled.errors);
  const { status, closedOn, beforeOutcome } = settled.life;
  return { ...dispute, status, closedOn, beforeOutcome };
}

export function createDispute(db: CasefileDb, input: DisputeInput, id?: string): Promise<Dispute> {
  return createEntity(db, disputeSpec, input, { id });
}

export function updateDispute(db: CasefileDb, id: string, input: DisputeInput): Promise<Dispute> {
  return updateEntity(db, disputeSpec, id, input);
}

/** The editable fields of a stored dispute, as a form or an update takes them. */
export function disputeToInput(dispute: Dispute): DisputeInput {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = dispute;
  return input;
}

/**
 * Deletes a dispute with everything that belongs only to it: its parties' links, proceedings,
 * assertions, documents, notes and deadlines, all into one trash entry (their bytes stay until
 * it is purged). Organisations and patents are shared across disputes and stay. One
 * transaction: all or nothing. Answers the trash entry's id, for an Undo.
 */
export async function deleteDispute(db: CasefileDb, id: string): Promise<string | null> {
  const children = [
    { spec: partySpec, table: db.disputeParties },
    { spec: assertionSpec, table: db.assertions },
    { spec: proceedingSpec, table: db.proceedings },
    { spec: noteSpec, table: db.notes },
    { spec: deadlineSpec, table: db.deadlines },
  ] as const;
  return deleteEntity(
    db,
    disputeSpec,
    id,
    async (_dispute, at, bag) => {
      for (const { spec, table } of children) {
        const records = await table.where('disputeId').equals(id).toArray();
        for (const record of records) {
          // Each child spec is typed for its own table; the record came from that very table.
          await deleteRecord(
            db,
            spec as unknown as EntitySpec<typeof record, never>,
            record,
            at,
            bag,
          );
        }
      }
      await deleteDocumentRecords(
        db,
        await db.documents.where('disputeId').equals(id).toArray(),
        at,
        bag,
      );
    },
    [db.disputeParties, db.assertions, db.proceedings, db.notes, db.deadlines, db.documents],
  );
}
