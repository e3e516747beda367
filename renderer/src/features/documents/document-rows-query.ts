/**
 * The Documents tab's rows as a shared live query (shared-live-query.ts): the dispute's page holds
 * it once drawn, so the tab opens with its table drawn, and the tab reads the same one.
 */
import { db } from '../../db/db';
import { holdLiveQuery, type SharedQuery } from '../../db/shared-live-query';
import { loadDocumentRows, type DocumentRow } from './document-list';

export function documentRowsQuery(disputeId: string): SharedQuery<DocumentRow[]> {
  return { key: `document-rows:${disputeId}`, querier: () => loadDocumentRows(db, disputeId) };
}

/** Keeps what the Documents tab reads first live until the returned function is called. */
export function holdDocumentsTab(disputeId: string): () => void {
  return holdLiveQuery(documentRowsQuery(disputeId));
}
