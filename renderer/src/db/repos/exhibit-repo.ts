/**
 * A dispute's exhibit list: which documents are exhibits and in what order, and how they are
 * numbered (shared/domain/exhibits.ts). Each change is one transaction with its audit entries, so
 * the list never shows half a reorder.
 */
import {
  exhibitSchemeSchema,
  type CaseDocument,
  type ExhibitScheme,
} from '../../../../shared/domain/schemas';
import { appendAudit } from '../audit';
import type { CasefileDb } from '../casefile-db';
import { nowIso, touchDispute } from '../entity-store';

/** Makes `documentIds` the dispute's exhibits, in that order; every other document stops being one. */
export async function setExhibitOrder(
  db: CasefileDb,
  disputeId: string,
  documentIds: readonly string[],
): Promise<void> {
  await db.transaction('rw', [db.documents, db.audit, db.disputes], async () => {
    const documents = await db.documents.where('disputeId').equals(disputeId).toArray();
    const byId = new Map(documents.map((d) => [d.id, d]));
    for (const id of documentIds) {
      if (!byId.has(id)) throw new Error('A document in the exhibit list no longer exists.');
    }
    const at = nowIso();
    const order = new Map(documentIds.map((id, index) => [id, index + 1]));
    for (const before of documents) {
      const exhibitOrder = order.get(before.id);
      if (before.exhibitOrder === exhibitOrder) continue;
      const after: CaseDocument = { ...before, updatedAt: at };
      if (exhibitOrder === undefined) delete after.exhibitOrder;
      else after.exhibitOrder = exhibitOrder;
      await db.documents.put(after);
      await appendAudit(db, {
        entity: 'document',
        entityId: before.id,
        disputeId,
        summary: `Changed the exhibit list (“${before.title}”)`,
        before,
        after,
        at,
      });
    }
    await touchDispute(db, disputeId, at);
  });
}

export async function setExhibitScheme(
  db: CasefileDb,
  disputeId: string,
  scheme: ExhibitScheme,
): Promise<void> {
  const parsed = exhibitSchemeSchema.parse(scheme);
  await db.transaction('rw', [db.disputes, db.audit], async () => {
    const before = await db.disputes.get(disputeId);
    if (!before) throw new Error('The dispute no longer exists.');
    const at = nowIso();
    const after = { ...before, exhibitScheme: parsed, updatedAt: at };
    await db.disputes.put(after);
    await appendAudit(db, {
      entity: 'dispute',
      entityId: disputeId,
      disputeId,
      summary: `Changed the exhibit numbering of “${before.title}”`,
      before,
      after,
      at,
    });
  });
}
