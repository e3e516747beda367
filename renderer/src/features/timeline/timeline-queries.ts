import type { CasefileDb } from '../../db/casefile-db';
import type { TimelineSources } from './timeline';

/** Everything dated of one dispute, read by the `disputeId` index of each table. */
export async function loadTimelineSources(
  db: CasefileDb,
  disputeId: string,
): Promise<TimelineSources | null> {
  const [dispute, proceedings, documents, deadlines, notes] = await Promise.all([
    db.disputes.get(disputeId),
    db.proceedings.where('disputeId').equals(disputeId).toArray(),
    db.documents.where('disputeId').equals(disputeId).toArray(),
    db.deadlines.where('disputeId').equals(disputeId).toArray(),
    db.notes.where('disputeId').equals(disputeId).toArray(),
  ]);
  if (!dispute) return null;
  return { dispute, proceedings, documents, deadlines, notes };
}
