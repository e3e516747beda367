/**
 * The audit log records every change a repository makes: which entity, which fields, old → new.
 * Entries are appended inside the same transaction as the change, so the log and the data cannot
 * disagree. Bookkeeping fields (timestamps) are left out of the field list: they change every time.
 * Each entry also keeps the display names of the records it points at by id, read in the same
 * transaction, so History can name them after they are renamed or deleted.
 */
import { Dexie } from 'dexie';
import { patentName, proceedingName, recordName } from '../../../shared/domain/display-names';
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

/** Fields that hold the id of another record, and the table that names it. */
const REFERENCES = {
  organisationId: 'organisations',
  ownerId: 'organisations',
  patentId: 'patents',
  proceedingId: 'proceedings',
  documentIds: 'documents',
} as const;

type ReferenceTable = (typeof REFERENCES)[keyof typeof REFERENCES];

function idsIn(value: unknown): string[] {
  if (typeof value === 'string' && value) return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

async function nameOf(db: CasefileDb, table: ReferenceTable, id: string) {
  switch (table) {
    case 'organisations':
      return (await db.organisations.get(id))?.name;
    case 'patents': {
      const patent = await db.patents.get(id);
      return patent && patentName(patent);
    }
    case 'proceedings': {
      const proceeding = await db.proceedings.get(id);
      return proceeding && proceedingName(proceeding);
    }
    case 'documents':
      return (await db.documents.get(id))?.title;
  }
}

/**
 * Names the referenced records the current transaction can read. A table outside its scope is
 * skipped rather than widened: widening would break the callers' nested transactions, and History
 * falls back to the names it finds later.
 */
export async function referencedNames(
  db: CasefileDb,
  records: (Fields | undefined)[],
): Promise<Record<string, string>> {
  const inScope = new Set(Dexie.currentTransaction?.storeNames ?? []);
  const names: Record<string, string> = {};
  for (const record of records) {
    if (!record) continue;
    for (const [field, table] of Object.entries(REFERENCES) as [string, ReferenceTable][]) {
      if (!inScope.has(table)) continue;
      for (const id of idsIn(record[field])) {
        if (names[id] !== undefined) continue;
        const name = await nameOf(db, table, id);
        if (name) names[id] = name;
      }
    }
  }
  return names;
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
  const names = await referencedNames(db, [input.before, input.after]);
  const record = input.after ?? input.before;
  // A name that had to say "no longer on file" is not kept: History names it better later.
  let unnamed = false;
  const named = record
    ? recordName(input.entity, record, (id) => {
        if (names[id] === undefined) unnamed = true;
        return names[id];
      })
    : '';
  const subject = unnamed ? '' : named;
  const entry: AuditEntry = {
    at: input.at,
    entity: input.entity,
    entityId: input.entityId,
    disputeId: input.disputeId,
    action,
    summary: input.summary,
    changes,
    ...(Object.keys(names).length > 0 ? { names } : {}),
    ...(subject ? { subject } : {}),
  };
  await db.audit.add(entry);
}
