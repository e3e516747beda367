/**
 * Gathers one dispute's records for a case bundle, in one read transaction so the bundle is a
 * consistent picture even while the person keeps editing. Privileged notes and documents go in
 * only when asked; leaving a document out also leaves out its text, its bytes (unless another
 * included document shares them) and the links notes make to it.
 */
import type { Table } from 'dexie';
import type { CasefileDb } from '../../db/casefile-db';
import type { Privilege } from '../../../../shared/domain/vocabulary';
import { emptyRecords, isPrivileged, type BundleContent } from './bundle-content';

export type CollectOptions = { includePrivileged: boolean };

export class DisputeNotFoundError extends Error {
  constructor() {
    super('That dispute is no longer in your case files, so there is nothing to export.');
    this.name = 'DisputeNotFoundError';
  }
}

export async function collectBundle(
  db: CasefileDb,
  disputeId: string,
  options: CollectOptions,
): Promise<BundleContent> {
  const tables = [
    db.disputes,
    db.organisations,
    db.disputeParties,
    db.proceedings,
    db.patents,
    db.assertions,
    db.documents,
    db.documentTexts,
    db.files,
    db.notes,
    db.deadlines,
  ];
  return db.transaction('r', tables, async () => {
    const dispute = await db.disputes.get(disputeId);
    if (!dispute) throw new DisputeNotFoundError();
    const records = emptyRecords();
    const byDispute = <T>(table: Table<T, string>) =>
      table.where('disputeId').equals(disputeId).toArray();
    const keep = <T extends { privilege: Privilege }>(rows: T[]) =>
      options.includePrivileged ? rows : rows.filter((row) => !isPrivileged(row.privilege));

    records.disputes = [dispute];
    records.disputeParties = await byDispute(db.disputeParties);
    records.proceedings = await byDispute(db.proceedings);
    records.assertions = await byDispute(db.assertions);
    records.deadlines = await byDispute(db.deadlines);
    records.documents = keep(await byDispute(db.documents));

    const documentIds = new Set(records.documents.map((d) => d.id));
    records.notes = keep(await byDispute(db.notes)).map((note) => ({
      ...note,
      documentIds: note.documentIds.filter((id) => documentIds.has(id)),
    }));

    const patentIds = [...new Set(records.assertions.map((a) => a.patentId))];
    records.patents = (await db.patents.bulkGet(patentIds)).filter((p) => p !== undefined);

    const organisationIds = new Set(records.disputeParties.map((p) => p.organisationId));
    for (const patent of records.patents) if (patent.ownerId) organisationIds.add(patent.ownerId);
    records.organisations = (await db.organisations.bulkGet([...organisationIds])).filter(
      (o) => o !== undefined,
    );

    const hashes = [...new Set(records.documents.map((d) => d.sha256))];
    const stored = (await db.files.bulkGet(hashes)).filter((f) => f !== undefined);
    const files = new Map<string, Blob>();
    for (const { blob, ...facts } of stored) {
      records.files.push(facts);
      files.set(facts.sha256, blob);
    }
    records.documentTexts = (await db.documentTexts.bulkGet(hashes)).filter((t) => t !== undefined);
    return { records, files };
  });
}
