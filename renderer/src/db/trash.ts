/**
 * The trash: a delete moves everything it took (the record and its cascade) into one entry; a
 * restore puts the entry's records back exactly as they were and removes the entry; entries older
 * than 30 days are purged. A document's bytes (the `files` table, keyed by SHA-256 and shared
 * between documents) stay while any live document or trash entry still uses them, so they go
 * only with the purge of the last entry that needs them, with their text and what OCR keeps about
 * them (a job left cancelled or half-read, the word layouts). Deletion, restoration and purge are
 * audited ('delete', 'restore', 'purge') in the same transaction as the change. Everything here
 * reads by key or index: never a whole table.
 */
import { Dexie, type Table } from 'dexie';
import { normaliseDispute } from '../../../shared/domain/dispute-life';
import type { Dispute, TrashEntry } from '../../../shared/domain/schemas';
import { archiveTableSchemas, isTableName } from '../../../shared/archive/tables';
import type { CasefileDb } from './casefile-db';
import { forgetOcr } from './repos/ocr-layouts';

export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What one delete took, gathered as it cascades. */
export type TrashBag = { records: Record<string, unknown[]>; sha256s: Set<string> };

export function newTrashBag(): TrashBag {
  return { records: {}, sha256s: new Set() };
}

export function addToBag(bag: TrashBag, table: string, row: unknown): void {
  (bag.records[table] ??= []).push(row);
  const sha256 = (row as { sha256?: unknown }).sha256;
  if (table === 'documents' && typeof sha256 === 'string') bag.sha256s.add(sha256);
}

/** Writes the entry for one delete; call inside the delete's transaction (covering `trash`). */
export async function putInTrash(
  db: CasefileDb,
  bag: TrashBag,
  what: Pick<TrashEntry, 'entity' | 'entityId' | 'disputeId' | 'summary' | 'deletedAt'>,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.trash.add({ ...what, id, records: bag.records, sha256s: [...bag.sha256s] });
  return id;
}

/** The order records go back in: a parent before what points at it. */
const RESTORE_ORDER = [
  'disputes',
  'disputeParties',
  'proceedings',
  'assertions',
  'documents',
  'notes',
  'deadlines',
];

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

function tableOf(db: CasefileDb, name: string): Table<{ id: string }, string> {
  return db.table(name);
}

async function appendAuditEntry(
  db: CasefileDb,
  entry: TrashEntry,
  action: 'restore' | 'purge',
  summary: string,
  at: string,
): Promise<void> {
  await db.audit.add({
    at,
    entity: entry.entity,
    entityId: entry.entityId,
    disputeId: entry.disputeId,
    action,
    summary,
    changes: [],
  });
}

/**
 * Puts back everything one delete took, in one transaction. Refused, with the reason and nothing
 * changed, when what it belongs to is gone (a note whose dispute was deleted since: restore the
 * dispute first) or when a record of the same identity exists again.
 */
export async function restoreFromTrash(db: CasefileDb, trashId: string): Promise<TrashEntry> {
  const tables = [db.trash, db.audit, ...RESTORE_ORDER.map((name) => tableOf(db, name))];
  return db.transaction('rw', tables, async () => {
    const entry = await db.trash.get(trashId);
    if (!entry) throw new RestoreError('This item is no longer in the trash.');
    const at = new Date().toISOString();
    const restoresDispute = (entry.records.disputes ?? []).length > 0;
    if (entry.disputeId && !restoresDispute && !(await db.disputes.get(entry.disputeId))) {
      throw new RestoreError(
        'The dispute this belonged to is not in your case files: restore the dispute from the trash first.',
      );
    }
    for (const name of RESTORE_ORDER) {
      const rows = entry.records[name] ?? [];
      if (rows.length === 0 || !isTableName(name)) continue;
      // Records come back through the same checks as any record arriving from elsewhere.
      const schema = archiveTableSchemas[name];
      const checked = rows.map((row) => {
        const parsed = schema.parse(row) as { id: string; updatedAt?: string };
        return name === 'disputes' ? normaliseDispute(parsed as Dispute).dispute : parsed;
      });
      const clashes = await tableOf(db, name).bulkGet(checked.map((row) => row.id));
      if (clashes.some((row) => row !== undefined)) {
        throw new RestoreError(
          `${entry.summary} cannot be restored: a record with its identity is back in your case files.`,
        );
      }
      await tableOf(db, name).bulkAdd(checked);
    }
    if (entry.disputeId && !restoresDispute) {
      await db.disputes.update(entry.disputeId, { updatedAt: at });
    }
    await db.trash.delete(trashId);
    await appendAuditEntry(db, entry, 'restore', entry.summary.replace(/^Deleted/, 'Restored'), at);
    return entry;
  });
}

/**
 * Removes for good every entry deleted more than 30 days before `now`, oldest first, in batches
 * (so a large trash never holds one long transaction), and the bytes of files that no live
 * document and no remaining entry uses. Answers how many entries went.
 */
export async function purgeTrash(
  db: CasefileDb,
  now: Date = new Date(),
  batch = 200,
): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS).toISOString();
  let purged = 0;
  for (;;) {
    const done = await db.transaction(
      'rw',
      [db.trash, db.audit, db.documents, db.files, db.documentTexts, db.ocrJobs, db.ocrLayouts],
      async () => {
        const entries = await db.trash.where('deletedAt').below(cutoff).limit(batch).toArray();
        const at = new Date().toISOString();
        await db.trash.bulkDelete(entries.map((e) => e.id));
        for (const entry of entries) {
          await appendAuditEntry(
            db,
            entry,
            'purge',
            entry.summary.replace(/^Deleted/, 'Purged'),
            at,
          );
        }
        for (const sha256 of new Set(entries.flatMap((e) => e.sha256s))) {
          const live = await db.documents.where('sha256').equals(sha256).count();
          const trashed = await db.trash.where('sha256s').equals(sha256).count();
          if (live === 0 && trashed === 0) {
            await db.files.delete(sha256);
            await db.documentTexts.delete(sha256);
            await forgetOcr(db, sha256);
          }
        }
        return entries.length;
      },
    );
    purged += done;
    if (done < batch) return purged;
  }
}

/** One page of the trash, newest first: `after` is the last entry of the previous page. */
export async function trashPage(
  db: CasefileDb,
  options: { disputeId?: string; offset: number; limit: number },
): Promise<TrashEntry[]> {
  const collection = options.disputeId
    ? db.trash
        .where('[disputeId+deletedAt]')
        .between([options.disputeId, Dexie.minKey], [options.disputeId, Dexie.maxKey])
        .reverse()
    : db.trash.orderBy('deletedAt').reverse();
  return collection.offset(options.offset).limit(options.limit).toArray();
}

export function trashCount(db: CasefileDb, disputeId?: string): Promise<number> {
  return disputeId
    ? db.trash
        .where('[disputeId+deletedAt]')
        .between([disputeId, Dexie.minKey], [disputeId, Dexie.maxKey])
        .count()
    : db.trash.count();
}

/** When an entry will be purged. */
export function purgeDate(entry: Pick<TrashEntry, 'deletedAt'>): Date {
  return new Date(new Date(entry.deletedAt).getTime() + TRASH_DAYS * DAY_MS);
}
