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
 *
 * The app runs it in the archive worker, on that worker's own connection (workers/archive-service.ts,
 * `VerifiedBundle` below): a bundle of 50,000 filings is 50,000 Blobs and records to clone, which
 * on the window's thread held it up. Records are written a few thousand at a time, so the worker
 * answers between batches (progress, a cancelled import); it is still one transaction.
 */
import type { Table } from 'dexie';
import { normaliseDispute } from '../../../../shared/domain/dispute-life';
import { appendAudit } from '../../db/audit';
import type { CasefileDb } from '../../db/casefile-db';
import { newId, nowIso } from '../../db/entity-store';
import { findPatentByNumber } from '../../db/repos/patent-repo';
import { patentNumberKey } from '../../../../shared/domain/patent-number';
import type { ArchiveManifest } from '../../../../shared/archive/manifest';
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

/** Records written per request, and between two progress reports. */
const BATCH = 2_000;
/** Stored files looked up and added per request: each carries a Blob. */
const FILE_BATCH = 100;
const PROGRESS_EVERY = 1_000;

export type ImportProgress = { done: number; total: number; phase: string };

export type ImportOptions = {
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the import between two batches; its transaction, and so every write, is undone. */
  signal?: AbortSignal;
};

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

/**
 * A checked bundle waiting to be imported, wherever it was read (the app: the archive worker, which
 * keeps it): what the dialog shows before anything is written, `import` to write it (one
 * transaction, as importBundle), `release` to let go of it, used or not.
 */
export type VerifiedBundle = {
  manifest: ArchiveManifest;
  /** The bundle's dispute as the bundle has it. */
  dispute: { id: string; title: string };
  /** Whether that dispute is already on file (so the person must choose), read when checked. */
  alreadyOnFile: boolean;
  /** What "Update from bundle" would do, when it is on file. */
  plan: UpdatePlan | null;
  import(choice?: ImportChoice, options?: ImportOptions): Promise<ImportResult>;
  release(): void;
};

/** What the dialog is told about a bundle before it is imported into `db`. */
export async function bundleOutlook(
  db: CasefileDb,
  content: BundleContent,
): Promise<Pick<VerifiedBundle, 'dispute' | 'alreadyOnFile' | 'plan'>> {
  const { id, title } = content.records.disputes[0]!;
  const alreadyOnFile = (await existingDispute(db, content)) !== undefined;
  return {
    dispute: { id, title },
    alreadyOnFile,
    plan: alreadyOnFile ? await planUpdate(db, content) : null,
  };
}

export async function importBundle(
  db: CasefileDb,
  content: BundleContent,
  choice?: ImportChoice,
  { onProgress, signal }: ImportOptions = {},
): Promise<ImportResult> {
  const { records, files } = content;
  const source = records.disputes[0]!;
  const total = Object.values(records).reduce((sum, rows) => sum + rows.length, 0);
  let done = 0;
  let reported = 0;
  /** Counts rows written; stops here (undoing the transaction) when the import was cancelled. */
  const wrote = (count: number) => {
    signal?.throwIfAborted();
    done += count;
    if (done - reported >= PROGRESS_EVERY) {
      reported = done;
      onProgress?.({ done, total, phase: 'Writing the case files' });
    }
  };
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
    const keepsId = (existing: { disputeId?: string } | undefined) =>
      existing === undefined || (update && existing.disputeId === source.id);
    async function idIn<T>(table: Table<T, string>, id: string, fresh: boolean): Promise<string> {
      if (fresh) return newId();
      return keepsId((await table.get(id)) as { disputeId?: string } | undefined) ? id : newId();
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

    /** idIn for many rows at once: one read of the table instead of one per row. */
    async function remapIds<T extends { id: string }>(table: Table<T, string>, rows: T[]) {
      const ids = new Map<string, string>();
      if (copy) {
        for (const row of rows) ids.set(row.id, newId());
        return ids;
      }
      for (let from = 0; from < rows.length; from += BATCH) {
        const batch = rows.slice(from, from + BATCH).map((row) => row.id);
        const existing = (await table.bulkGet(batch)) as ({ disputeId?: string } | undefined)[];
        batch.forEach((id, i) => ids.set(id, keepsId(existing[i]) ? id : newId()));
      }
      return ids;
    }
    const proceedingIds = await remapIds(db.proceedings, records.proceedings);
    const documentIds = await remapIds(db.documents, records.documents);
    const proceedingId = (id: string | null) => (id === null ? null : proceedingIds.get(id)!);

    const partyIds = await remapIds(db.disputeParties, records.disputeParties);
    const parties = records.disputeParties.map((party) => ({
      ...party,
      id: partyIds.get(party.id)!,
      disputeId,
      organisationId: organisationId(party.organisationId),
    }));
    const assertionIds = await remapIds(db.assertions, records.assertions);
    const assertions = records.assertions.map((assertion) => ({
      ...assertion,
      id: assertionIds.get(assertion.id)!,
      disputeId,
      proceedingId: proceedingId(assertion.proceedingId)!,
      patentId: patentIds.get(assertion.patentId)!,
    }));
    const noteIds = await remapIds(db.notes, records.notes);
    const notes = records.notes.map((note) => ({
      ...note,
      id: noteIds.get(note.id)!,
      disputeId,
      documentIds: note.documentIds.map((id) => documentIds.get(id)!),
    }));
    const deadlineIds = await remapIds(db.deadlines, records.deadlines);
    const deadlines = records.deadlines.map((deadline) => ({
      ...deadline,
      id: deadlineIds.get(deadline.id)!,
      disputeId,
      proceedingId: proceedingId(deadline.proceedingId),
    }));

    // An update overwrites this dispute's records of the same id and leaves the rest alone.
    async function write<T>(table: Table<T, string>, rows: T[]) {
      for (let from = 0; from < rows.length; from += BATCH) {
        const batch = rows.slice(from, from + BATCH);
        await (update ? table.bulkPut(batch) : table.bulkAdd(batch));
        wrote(batch.length);
      }
    }
    /** Rows keyed by sha256 are stored once: one already on file (from another dispute) is kept. */
    async function addMissing<R extends { sha256: string }, T>(
      table: Table<T, string>,
      rows: R[],
      stored: (row: R) => T,
    ) {
      for (let from = 0; from < rows.length; from += FILE_BATCH) {
        const batch = rows.slice(from, from + FILE_BATCH);
        const present = new Set(
          await table
            .where(':id')
            .anyOf(batch.map((row) => row.sha256))
            .primaryKeys(),
        );
        await table.bulkAdd(batch.filter((row) => !present.has(row.sha256)).map(stored));
        wrote(batch.length);
      }
    }
    await db.organisations.bulkAdd(newOrganisations);
    await db.patents.bulkAdd(newPatents);
    await db.disputes.put(dispute);
    wrote(newOrganisations.length + newPatents.length + 1);
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
    await addMissing(db.files, records.files, (facts) => ({
      ...facts,
      blob: files.get(facts.sha256)!,
    }));
    await addMissing(db.documentTexts, records.documentTexts, (text) => text);
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
