/**
 * Removing documents: the record goes into the delete's trash bag; its bytes stay (trash.ts
 * purges them once no live or trashed document uses them). Call inside a transaction that covers
 * documents, audit and disputes, and proceedings too so that the audit entry names the document's
 * proceeding (without it the entry leaves the proceeding unnamed; History names it if it can).
 */
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { appendAudit } from '../audit';
import type { CasefileDb } from '../casefile-db';
import { addToBag, type TrashBag } from '../trash';

export async function deleteDocumentRecords(
  db: CasefileDb,
  documents: CaseDocument[],
  at: string,
  bag: TrashBag,
): Promise<void> {
  for (const document of documents) {
    await db.documents.delete(document.id);
    addToBag(bag, 'documents', document);
    await appendAudit(db, {
      entity: 'document',
      entityId: document.id,
      disputeId: document.disputeId,
      summary: `Deleted document “${document.title}”`,
      before: document,
      at,
    });
  }
}
