/**
 * The Documents tab's rows as a shared live query (shared-live-query.ts): the dispute's page holds
 * it once drawn, so the tab opens with its table drawn, and the tab reads the same one. The rows
 * come in the tab's default order, sorted a slice at a time as they are read, so opening the tab
 * does not sort them in the task that draws it.
 */
import { db } from '../../db/db';
import { holdLiveQuery, type SharedQuery } from '../../db/shared-live-query';
import {
  DEFAULT_DOCUMENT_SORT,
  loadDocumentRows,
  orderDocumentRows,
  type DocumentRow,
} from './document-list';

export function documentRowsQuery(disputeId: string): SharedQuery<DocumentRow[]> {
  return {
    key: `document-rows:${disputeId}`,
    querier: async () =>
      orderDocumentRows(await loadDocumentRows(db, disputeId), DEFAULT_DOCUMENT_SORT),
  };
}

/**
 * Keeps what the Documents tab reads first live until the returned function is called;
 * `onAnswer` hears each answer.
 */
export function holdDocumentsTab(disputeId: string, onAnswer?: () => void): () => void {
  return holdLiveQuery(documentRowsQuery(disputeId), onAnswer);
}
