/**
 * Writes a checked bundle into the database in one transaction, so a failure at any point leaves
 * the case files exactly as they were.
 *
 * Organisations are shared across disputes: one whose name (its `nameKey`) is already on file is
 * reused, never stored twice. A patent is reused the same way when its number and jurisdiction
 * are already on file. Either is also reused when its very id is on file (a bundle that went out
 * from this database and came back, or a second import): that is the same record, even if it was
 * renamed since or, like many a patent in the news, has no number to match by. Everything else belongs to the dispute. When the dispute is already in the
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
import { deleteDispute } from '../../db/repos/dispute-repo';
import type { BundleContent } from './bundle-content';

export type ImportChoice = 'copy' | 'replace';

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
      `“${title}” is already in your case files. Choose “Import as a copy” or “Replace”. Nothing was imported yet.`,
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
    const exists = (await db.disputes.get(source.id)) !== undefined;
    if (exists && !choice) throw new ChoiceNeededError(source.title);
    const mode = exists ? choice! : 'new';
    if (mode === 'replace') await deleteDispute(db, source.id);

    /** An id for a record: the bundle's own where it is free, a new one for a copy or a clash. */
    async function idIn<T>(table: Table<T, string>, id: string, fresh: boolean): Promise<string> {
      if (fresh) return newId();
      return (await table.get(id)) === undefined ? id : newId();
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
        (patent.number
          ? (await db.patents.where('number').equals(patent.number).toArray()).find(
              (p) => p.jurisdiction === patent.jurisdiction,
            )
          : undefined);
      if (existing) {
        patentIds.set(patent.id, existing.id);
        continue;
      }
      const id = await idIn(db.patents, patent.id, false);
      patentIds.set(patent.id, id);
      newPatents.push({ ...patent, id, ownerId: patent.ownerId && organisationId(patent.ownerId) });
    }

    const disputeId = await idIn(db.disputes, source.id, copy);
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

    await db.organisations.bulkAdd(newOrganisations);
    await db.patents.bulkAdd(newPatents);
    await db.disputes.add(dispute);
    await db.disputeParties.bulkAdd(parties);
    await db.proceedings.bulkAdd(
      records.proceedings.map((p) => ({ ...p, id: proceedingIds.get(p.id)!, disputeId })),
    );
    await db.assertions.bulkAdd(assertions);
    await db.documents.bulkAdd(
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
    await db.notes.bulkAdd(notes);
    await db.deadlines.bulkAdd(deadlines);
    await appendAudit(db, {
      entity: 'dispute',
      entityId: disputeId,
      disputeId,
      summary: `Imported dispute “${title}” from a case bundle`,
      after: dispute,
      at: nowIso(),
    });
    return { disputeId, title, mode, repairs };
  });
}
