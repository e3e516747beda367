/**
 * The audit log records every change a repository makes: which entity, which fields, old → new.
 * Entries are appended inside the same transaction as the change, so the log and the data cannot
 * disagree. Bookkeeping fields (timestamps) are left out of the field list: they change every time.
 */
import type { AuditChange, AuditEntry } from '../../../shared/domain/schemas';
import type { CasefileDb } from './casefile-db';

const IGNORED_FIELDS = new Set(['createdAt', 'updatedAt', 'nameKey', 'numberKey', 'matchKeys']);

type Fields = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffFields(before: Fields | undefined, after: Fields | undefined): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of [...keys].sort()) {
    if (IGNORED_FIELDS.has(field)) continue;
    const old = before?.[field];
    const next = after?.[field];
    if (!same(old, next)) changes.push({ field, old: old ?? null, new: next ?? null });
  }
  return changes;
}

export type AuditInput = {
  entity: string;
  entityId: string;
  disputeId: string | null;
  summary: string;
  before?: Fields;
  after?: Fields;
  at: string;
};

export async function appendAudit(db: CasefileDb, input: AuditInput): Promise<void> {
  const action = !input.before ? 'create' : !input.after ? 'delete' : 'update';
  const changes = diffFields(input.before, input.after);
  if (action === 'update' && changes.length === 0) return;
  const entry: AuditEntry = {
    at: input.at,
    entity: input.entity,
    entityId: input.entityId,
    disputeId: input.disputeId,
    action,
    summary: input.summary,
    changes,
  };
  await db.audit.add(entry);
}
