/**
 * Gathers one dispute's records for a case bundle, in one read transaction so the bundle is a
 * consistent picture even while the person keeps editing. Privileged notes and documents go in
 * only when asked; leaving a document out also leaves out its text, its bytes (unless another
 * included document shares them) and the links notes make to it. A dispute labelled privileged
 * keeps its outcome's kind and date, but its resolution text and licence consideration (what
 * counsel would not hand over) stay behind unless asked too. What stayed behind is counted in
 * `leftOut`, so the export dialog can say exactly what goes and what does not.
 */
import type { Table } from 'dexie';
import type { CasefileDb } from '../../db/casefile-db';
import type { Dispute } from '../../../../shared/domain/schemas';
import type { Privilege } from '../../../../shared/domain/vocabulary';
import { emptyRecords, isPrivileged, type BundleContent } from './bundle-content';

export type CollectOptions = { includePrivileged: boolean };

export type LeftOut = {
  notes: number;
  documents: number;
  resolutionText: boolean;
  consideration: boolean;
};

export type CollectedBundle = BundleContent & { leftOut: LeftOut };

/** A privileged dispute's outcome without its text and consideration. */
function withoutPrivilegedTerms(dispute: Dispute): { dispute: Dispute; leftOut: Partial<LeftOut> } {
  const resolution = dispute.resolution;
  if (!resolution) return { dispute, leftOut: {} };
  const resolutionText = resolution.text !== '';
  const consideration = (resolution.licence?.consideration ?? '') !== '';
  return {
    dispute: {
      ...dispute,
      resolution: {
        ...resolution,
        text: '',
        licence: resolution.licence ? { ...resolution.licence, consideration: '' } : null,
      },
    },
    leftOut: { resolutionText, consideration },
  };
}

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
): Promise<CollectedBundle> {
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

    const leftOut: LeftOut = {
      notes: 0,
      documents: 0,
      resolutionText: false,
      consideration: false,
    };
    if (!options.includePrivileged && isPrivileged(dispute.privilege)) {
      const trimmed = withoutPrivilegedTerms(dispute);
      records.disputes = [trimmed.dispute];
      Object.assign(leftOut, trimmed.leftOut);
    } else {
      records.disputes = [dispute];
    }
    records.disputeParties = await byDispute(db.disputeParties);
    records.proceedings = await byDispute(db.proceedings);
    records.assertions = await byDispute(db.assertions);
    records.deadlines = await byDispute(db.deadlines);
    const allDocuments = await byDispute(db.documents);
    records.documents = keep(allDocuments);
    leftOut.documents = allDocuments.length - records.documents.length;

    const documentIds = new Set(records.documents.map((d) => d.id));
    const allNotes = await byDispute(db.notes);
    leftOut.notes = allNotes.length - keep(allNotes).length;
    records.notes = keep(allNotes).map((note) => ({
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
    return { records, files, leftOut };
  });
}
