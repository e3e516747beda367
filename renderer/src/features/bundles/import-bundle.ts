/**
 * Writes a checked bundle into the database in one transaction, so a failure at any point leaves
 * the case files exactly as they were.
 *
 * Organisations are shared across disputes: one whose name (its `nameKey`) is already on file is
 * reused, never stored twice. A patent is reused the same way when its number and jurisdiction
 * are already on file. Either is also reused when its very id is on file (a bundle that went out
 * from this database and came back, or a second import): that is the same record, even if it was
 * renamed since or, like many a patent in the news, has no number to match by. Patent numbers
 * match by their normalised key (patent-number.ts). Everything else belongs to the dispute. When the dispute is already in the
 * case files the person chooses: "copy" stores it again under new ids (every reference remapped)
 * with "(copy)" after its title; "replace" deletes the one on file (audited, like any deletion)
 * and stores the bundle's in its place. Records keep their ids and timestamps where those are
 * free, so a bundle read back into an empty database is the same dispute, record for record.
 */
import type { Table } from 'dexie';
import { normaliseDispute } from '../../../../shared/domain/dispute-life';
import { appendAudit } from '../../db/audit';
import type { CasefileDb } from '../../db/casefile-db';
import { newId, nowIso } from '../../db/entity-store';
import { findPatentByNumber } from '../../db/repos/patent-repo';
import { patentNumberKey } from '../../../../shared/domain/patent-number';
import type { BundleContent } from './bundle-content';

/**
 * When the dispute is already on file: "copy" stores the bundle's beside it; "update" brings the
 * one on file up to the bundle's version record by record and never deletes what the bundle
 * left out (privileged notes and documents that the sender chose not to include stay).
 */
export type ImportChoice = 'copy' | 'update';

/** What an update from a bundle will do, per kind of record. */
export type UpdatePlan = Record<
  OwnedTable,
  { added: number; changed: number; unchanged: number; kept: number }
>;

const ownedTables = [
  'disputeParties',
  'proceedings',
  'assertions',
  'documents',
  'notes',
  'deadlines',
] as const;
type OwnedTable = (typeof ownedTables)[number];

/** Bookkeeping and fields the database derives on every write (a bundle does not carry them). */
const DERIVED_FIELDS = new Set(['updatedAt', 'openDue', 'numberKey', 'matchKeys', 'nameKey']);

function sameRecord(a: object, b: object): boolean {
  const own = (record: object) =>
    JSON.stringify(
      Object.entries(record)
        .filter(([key]) => !DERIVED_FIELDS.has(key))
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return own(a) === own(b);
}

/**
 * Says, before anything is written, what "Update from bundle" will add, change and keep. Reads
 * only the dispute's own records, by index.
 */
export async function planUpdate(db: CasefileDb, content: BundleContent): Promise<UpdatePlan> {
  const disputeId = content.records.disputes[0]!.id;
  const plan = {} as UpdatePlan;
  for (const table of ownedTables) {
    const onFile = new Map<string, object>(
      (await db.table(table).where('disputeId').equals(disputeId).toArray()).map(
        (row: { id: string }) => [row.id, row],
      ),
    );
    const rows = content.records[table] as { id: string }[];
    const inBundle = new Set(rows.map((row) => row.id));
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    for (const row of rows) {
      const existing = onFile.get(row.id);
      if (!existing) added += 1;
      else if (sameRecord(existing, row)) unchanged += 1;
      else changed += 1;
    }
    const kept = [...onFile.keys()].filter((id) => !inBundle.has(id)).length;
    plan[table] = { added, changed, unchanged, kept };
  }
  return plan;
}

export type ImportResult = {
  disputeId: string;
  title: string;
  mode: 'new' | ImportChoice;
  /** What was brought in line with the rule of a dispute's life (dispute-life.ts), in words. */
  repairs: string[];
};

export class ChoiceNeededError extends Error {
  constructor(title: string) {
    super(
      `“${title}” is already in your case files. Choose “Import as a copy” or “Update from bundle”. Nothing was imported yet.`,
    );
    this.name = 'ChoiceNeededError';
  }
}

/** Whether the bundle's dispute is already in the case files (so the person must choose). */
export async function existingDispute(db: CasefileDb, content: BundleContent) {
  return db.disputes.get(content.records.disputes[0]!.id);
}

const COPY_SUFFIX = ' (copy)';

export async function importBundle(
  db: CasefileDb,
  content: BundleContent,
  choice?: ImportChoice,
): Promise<ImportResult> {
  const { records, files } = content;
  const source = records.disputes[0]!;
  return db.transaction('rw', db.tables, async () => {
    const onFile = await db.disputes.get(source.id);
    if (onFile && !choice) throw new ChoiceNeededError(source.title);
    const mode = onFile ? choice! : 'new';
    const update = mode === 'update';

    /**
     * An id for a record: the bundle's own where it is free (or, for an update, where it is this
     * dispute's own record, which the bundle's version then overwrites); a new one for a copy or
     * a clash.
     */
    async function idIn<T>(table: Table<T, string>, id: string, fresh: boolean): Promise<string> {
      if (fresh) return newId();
      const existing = (await table.get(id)) as { disputeId?: string } | undefined;
      if (existing === undefined) return id;
      return update && existing.disputeId === source.id ? id : newId();
    }
    const copy = mode === 'copy';

    const organisationIds = new Map<string, string>();
    const newOrganisations = [];
    for (const organisation of records.organisations) {
      const existing =
        (await db.organisations.get(organisation.id)) ??
        (await db.organisations.where('nameKey').equals(organisation.nameKey).first());
      if (existing) {
        organisationIds.set(organisation.id, existing.id);
        continue;
      }
      const id = await idIn(db.organisations, organisation.id, false);
      organisationIds.set(organisation.id, id);
      newOrganisations.push({ ...organisation, id });
    }
    const organisationId = (id: string) => organisationIds.get(id)!;

    const patentIds = new Map<string, string>();
    const newPatents = [];
    for (const patent of records.patents) {
      const existing =
        (await db.patents.get(patent.id)) ??
        (await findPatentByNumber(db, patent.number, patent.jurisdiction));
      if (existing) {
        patentIds.set(patent.id, existing.id);
        continue;
      }
      const id = await idIn(db.patents, patent.id, false);
      patentIds.set(patent.id, id);
      newPatents.push({
        ...patent,
        id,
        ownerId: patent.ownerId && organisationId(patent.ownerId),
        numberKey: patentNumberKey(patent.number, patent.jurisdiction),
      });
    }

    const disputeId = update ? source.id : await idIn(db.disputes, source.id, copy);
    const title = copy
      ? `${source.title.slice(0, 200 - COPY_SUFFIX.length)}${COPY_SUFFIX}`
      : source.title;
    // A bundle from an older version (or edited by hand) may contradict itself: repair, and say so.
    const { dispute, changes: repairs } = normaliseDispute({ ...source, id: disputeId, title });

    async function remapIds<T extends { id: string }>(table: Table<T, string>, rows: T[]) {
      const ids = new Map<string, string>();
      for (const row of rows) ids.set(row.id, await idIn(table, row.id, copy));
      return ids;
    }
    const proceedingIds = await remapIds(db.proceedings, records.proceedings);
    const documentIds = await remapIds(db.documents, records.documents);
    const proceedingId = (id: string | null) => (id === null ? null : proceedingIds.get(id)!);

    const parties = [];
    for (const party of records.disputeParties) {
      parties.push({
        ...party,
        id: await idIn(db.disputeParties, party.id, copy),
        disputeId,
        organisationId: organisationId(party.organisationId),
      });
    }
    const assertions = [];
    for (const assertion of records.assertions) {
      assertions.push({
        ...assertion,
        id: await idIn(db.assertions, assertion.id, copy),
        disputeId,
        proceedingId: proceedingId(assertion.proceedingId)!,
        patentId: patentIds.get(assertion.patentId)!,
      });
    }
    const notes = [];
    for (const note of records.notes) {
      notes.push({
        ...note,
        id: await idIn(db.notes, note.id, copy),
        disputeId,
        documentIds: note.documentIds.map((id) => documentIds.get(id)!),
      });
    }
    const deadlines = [];
    for (const deadline of records.deadlines) {
      deadlines.push({
        ...deadline,
        id: await idIn(db.deadlines, deadline.id, copy),
        disputeId,
        proceedingId: proceedingId(deadline.proceedingId),
      });
    }

    // An update overwrites this dispute's records of the same id and leaves the rest alone.
    const write = <T>(table: Table<T, string>, rows: T[]) =>
      update ? table.bulkPut(rows) : table.bulkAdd(rows);
    await db.organisations.bulkAdd(newOrganisations);
    await db.patents.bulkAdd(newPatents);
    await db.disputes.put(dispute);
    await write(db.disputeParties, parties);
    await write(
      db.proceedings,
      records.proceedings.map((p) => ({ ...p, id: proceedingIds.get(p.id)!, disputeId })),
    );
    await write(db.assertions, assertions);
    await write(
      db.documents,
      records.documents.map((d) => ({
        ...d,
        id: documentIds.get(d.id)!,
        disputeId,
        proceedingId: proceedingId(d.proceedingId),
      })),
    );
    // Bytes are stored once per hash: a file already on file (from another dispute) is kept.
    for (const facts of records.files) {
      if (!(await db.files.get(facts.sha256)))
        await db.files.add({ ...facts, blob: files.get(facts.sha256)! });
    }
    for (const text of records.documentTexts) {
      if (!(await db.documentTexts.get(text.sha256))) await db.documentTexts.add(text);
    }
    await write(db.notes, notes);
    await write(db.deadlines, deadlines);
    await appendAudit(db, {
      entity: 'dispute',
      entityId: disputeId,
      disputeId,
      summary: update
        ? `Updated dispute “${title}” from a case bundle`
        : `Imported dispute “${title}” from a case bundle`,
      before: update ? onFile : undefined,
      after: dispute,
      at: nowIso(),
    });
    return { disputeId, title, mode, repairs };
  });
}
