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

export function deleteDeadline(db: CasefileDb, id: string): Promise<void> {
  return deleteEntity(db, deadlineSpec, id);
}
