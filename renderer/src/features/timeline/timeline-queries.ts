import type { CasefileDb } from '../../db/casefile-db';
import { db } from '../../db/db';
import { holdLiveQuery, type SharedQuery } from '../../db/shared-live-query';
import { readDisputeDocuments } from '../documents/document-list';
import { buildTimeline, type Timeline, type TimelineSources } from './timeline';

/**
 * Everything dated of one dispute, read by the `disputeId` index of each table, in one read-only
 * transaction: the five reads see the same moment, and a live query that reads in a transaction of
 * its own takes its records as read, where one reading outside it has Dexie's query cache give it a
 * deep copy of each (3,300 records for a busy dispute). The documents are read a page at a time
 * (readDisputeDocuments): read in one request, a dispute's 50,000 filings held the window for over
 * a second when its page readied the timeline, just after the bundle that brought them was
 * imported.
 */
export function loadTimelineSources(
  database: CasefileDb,
  disputeId: string,
): Promise<TimelineSources | null> {
  return database.transaction(
    'r',
    [
      database.disputes,
      database.proceedings,
      database.documents,
      database.deadlines,
      database.notes,
    ],
    async () => {
      const [dispute, proceedings, documents, deadlines, notes] = await Promise.all([
        database.disputes.get(disputeId),
        database.proceedings.where('disputeId').equals(disputeId).toArray(),
        readDisputeDocuments(database, disputeId),
        database.deadlines.where('disputeId').equals(disputeId).toArray(),
        database.notes.where('disputeId').equals(disputeId).toArray(),
      ]);
      if (!dispute) return null;
      return { dispute, proceedings, documents, deadlines, notes };
    },
  );
}

/** The dispute's whole timeline, every kind, in order; `null` when the dispute is gone. */
export function timelineQuery(disputeId: string): SharedQuery<Timeline | null> {
  return {
    key: `timeline:${disputeId}`,
    querier: async () => {
      const sources = await loadTimelineSources(db, disputeId);
      return sources && buildTimeline(sources);
    },
  };
}

/** Keeps the timeline live until the returned function is called, so its tab opens drawn. */
export function holdTimelineTab(disputeId: string): () => void {
  return holdLiveQuery(timelineQuery(disputeId));
}
