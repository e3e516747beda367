/**
 * The one way a repository writes a record: validate with the zod schema from shared/, write in a
 * single read-write transaction together with its audit entry and the owning dispute's "last
 * change", or throw a ValidationError and write nothing. Repositories describe their entity with
 * an `EntitySpec` and add only what is particular to them (cascades, lookups).
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { parseOrThrow } from '../../../shared/validation';
import { appendAudit } from './audit';
import type { CasefileDb } from './casefile-db';
import { addToBag, newTrashBag, putInTrash, type TrashBag } from './trash';

export type BaseRecord = { id: string; createdAt: string; updatedAt: string };

export type EntitySpec<R extends BaseRecord, S extends z.ZodType> = {
  /** Audit name of the entity: "dispute", "proceeding", … */
  entity: string;
  /** How the entity is named in messages: "The dispute". */
  what: string;
  table: (db: CasefileDb) => Table<R, string>;
  inputSchema: S;
  /** Builds the stored record from validated input (adds derived fields such as keys). */
  toRecord?: (input: z.output<S>) => Omit<R, keyof BaseRecord>;
  describe: (record: R) => string;
  disputeIdOf: (record: R) => string | null;
  /**
   * Rules spanning fields (shared/domain/), applied to every create (`before` undefined) and
   * update: returns the record to store, or throws a ValidationError and nothing is written.
   */
  settle?: (record: R, before: R | undefined) => R;
  /** Other tables the write touches (for example a parent looked up for validation). */
  alsoTouches?: (db: CasefileDb) => Table[];
};

export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}

function tablesFor<R extends BaseRecord, S extends z.ZodType>(
  db: CasefileDb,
  spec: EntitySpec<R, S>,
) {
  return [spec.table(db), db.audit, db.disputes, ...(spec.alsoTouches?.(db) ?? [])];
}

/** Marks a dispute as changed now; not audited (the change itself is). */
export async function touchDispute(db: CasefileDb, disputeId: string | null, at: string) {
  if (disputeId) await db.disputes.update(disputeId, { updatedAt: at });
}

function build<R extends BaseRecord, S extends z.ZodType>(spec: EntitySpec<R, S>, input: unknown) {
  const parsed = parseOrThrow(spec.inputSchema, input, spec.what);
  return (spec.toRecord ? spec.toRecord(parsed) : parsed) as Omit<R, keyof BaseRecord>;
}

export async function createEntity<R extends BaseRecord, S extends z.ZodType>(
  db: CasefileDb,
  spec: EntitySpec<R, S>,
  input: z.input<S>,
  options: { id?: string; check?: (record: R) => Promise<void> } = {},
): Promise<R> {
  const fields = build(spec, input);
  const at = nowIso();
  const built = { ...fields, id: options.id ?? newId(), createdAt: at, updatedAt: at } as R;
  const record = spec.settle ? spec.settle(built, undefined) : built;
  return db.transaction('rw', tablesFor(db, spec), async () => {
    await options.check?.(record);
    await spec.table(db).add(record);
    await appendAudit(db, {
      entity: spec.entity,
      entityId: record.id,
      disputeId: spec.disputeIdOf(record),
      summary: `Added ${spec.entity} “${spec.describe(record)}”`,
      after: record,
      at,
    });
    if (spec.entity !== 'dispute') await touchDispute(db, spec.disputeIdOf(record), at);
    return record;
  });
}

export async function updateEntity<R extends BaseRecord, S extends z.ZodType>(
  db: CasefileDb,
  spec: EntitySpec<R, S>,
  id: string,
  input: z.input<S>,
  options: { check?: (record: R, before: R) => Promise<void> } = {},
): Promise<R> {
  const fields = build(spec, input);
  return db.transaction('rw', tablesFor(db, spec), async () => {
    const before = await spec.table(db).get(id);
    if (!before) throw new Error(`${spec.what} no longer exists; it may have been deleted.`);
    const at = nowIso();
    const asked = { ...before, ...fields, id, createdAt: before.createdAt, updatedAt: at } as R;
    const record = spec.settle ? spec.settle(asked, before) : asked;
    await options.check?.(record, before);
    await spec.table(db).put(record);
    await appendAudit(db, {
      entity: spec.entity,
      entityId: id,
      disputeId: spec.disputeIdOf(record),
      summary: `Changed ${spec.entity} “${spec.describe(record)}”`,
      before,
      after: record,
      at,
    });
    await touchDispute(db, spec.disputeIdOf(record), at);
    return record;
  });
}

/**
 * Deletes one record, puts it in the delete's trash bag and audits it; call inside a transaction
 * that covers the spec's tables.
 */
export async function deleteRecord<R extends BaseRecord, S extends z.ZodType>(
  db: CasefileDb,
  spec: EntitySpec<R, S>,
  record: R,
  at: string,
  bag: TrashBag,
): Promise<void> {
  await spec.table(db).delete(record.id);
  addToBag(bag, spec.table(db).name, record);
  await appendAudit(db, {
    entity: spec.entity,
    entityId: record.id,
    disputeId: spec.disputeIdOf(record),
    summary: `Deleted ${spec.entity} “${spec.describe(record)}”`,
    before: record,
    at,
  });
}

/**
 * Deletes a record with its cascade into one trash entry (trash.ts), from which it comes back
 * whole. Answers the entry's id (for an Undo), or null when the record was already gone.
 */
export async function deleteEntity<R extends BaseRecord, S extends z.ZodType>(
  db: CasefileDb,
  spec: EntitySpec<R, S>,
  id: string,
  cascade?: (record: R, at: string, bag: TrashBag) => Promise<void>,
  extraTables: Table[] = [],
): Promise<string | null> {
  return db.transaction('rw', [...tablesFor(db, spec), db.trash, ...extraTables], async () => {
    const record = await spec.table(db).get(id);
    if (!record) return null;
    const at = nowIso();
    const bag = newTrashBag();
    await cascade?.(record, at, bag);
    await deleteRecord(db, spec, record, at, bag);
    if (spec.entity !== 'dispute') await touchDispute(db, spec.disputeIdOf(record), at);
    return putInTrash(db, bag, {
      entity: spec.entity,
      entityId: record.id,
      disputeId: spec.disputeIdOf(record),
      summary: `Deleted ${spec.entity} “${spec.describe(record)}”`,
      deletedAt: at,
    });
  });
}
