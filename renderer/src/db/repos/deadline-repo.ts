import {
  deadlineInputSchema,
  type Deadline,
  type DeadlineInput,
} from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../casefile-db';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from '../entity-store';

export const deadlineSpec: EntitySpec<Deadline, typeof deadlineInputSchema> = {
  entity: 'deadline',
  what: 'The deadline',
  table: (db) => db.deadlines,
  inputSchema: deadlineInputSchema,
  describe: (deadline) => `${deadline.date} ${deadline.title || deadline.kind}`,
  disputeIdOf: (deadline) => deadline.disputeId,
  // Read so the audit entry can keep the proceeding's name beside its id.
  alsoTouches: (db) => [db.proceedings],
};

export function createDeadline(db: CasefileDb, input: DeadlineInput): Promise<Deadline> {
  return createEntity(db, deadlineSpec, input);
}

export function updateDeadline(
  db: CasefileDb,
  id: string,
  input: DeadlineInput,
): Promise<Deadline> {
  return updateEntity(db, deadlineSpec, id, input);
}

export function deleteDeadline(db: CasefileDb, id: string): Promise<string | null> {
  return deleteEntity(db, deadlineSpec, id);
}

/** The editable fields of a stored deadline, as a form or an update takes them. */
export function deadlineToInput(deadline: Deadline): DeadlineInput {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = deadline;
  return input;
}

/** Marks a deadline done (or open again); audited like any other change. */
export async function setDeadlineDone(
  db: CasefileDb,
  id: string,
  done: boolean,
): Promise<Deadline> {
  const deadline = await db.deadlines.get(id);
  if (!deadline) throw new Error('The deadline no longer exists; it may have been deleted.');
  return updateDeadline(db, id, { ...deadlineToInput(deadline), done });
}
