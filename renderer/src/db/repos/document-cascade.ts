/**
 * Removing documents: the record goes, and its bytes go only when no other document (in this
 * dispute or another) still points at the same SHA-256. Call inside a transaction that covers
 * documents, files, documentTexts, audit and disputes.
 */
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { appendAudit } from '../audit';
import type { CasefileDb } from '../casefile-db';

export async function deleteDocumentRecords(
  db: CasefileDb,
  documents: CaseDocument[],
  at: string,
): Promise<void> {
  for (const document of documents) {
    await db.documents.delete(document.id);
    await appendAudit(db, {
      entity: 'document',
      entityId: document.id,
      disputeId: document.disputeId,
      summary: `Deleted document “${document.title}”`,
      before: document,
      at,
    });
    const stillUsed = await db.documents.where('sha256').equals(document.sha256).count();
    if (stillUsed === 0) {
      await db.files.delete(document.sha256);
      await db.documentTexts.delete(document.sha256);
    }
  }
}
