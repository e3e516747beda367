/**
 * What a dispute's page holds for its busiest tabs once it is drawn (see DisputePage), so that
 * each opens drawn.
 */
import { holdDocumentsTab } from '../documents/document-rows-query';
import { holdNotesTab } from '../notes/use-note-window';
import { holdTimelineTab } from '../timeline/timeline-queries';

/**
 * Holds the Notes and Documents tabs' first reads, then, once both have answered, in the next
 * idle moment, the timeline's: its read builds every entry of the dispute (~100 ms of the
 * window's time at 3,300 records), and taken with the others it held up the Notes tab that a
 * person opens right after the page.
 */
export function holdBusyTabs(disputeId: string): () => void {
  const answered = new Set<string>();
  let idle = 0;
  let releaseTimeline: (() => void) | null = null;
  const heard = (tab: string) => () => {
    if (answered.has(tab)) return;
    answered.add(tab);
    if (answered.size === 2) {
      idle = requestIdleCallback(() => (releaseTimeline = holdTimelineTab(disputeId)), {
        timeout: 2_000,
      });
    }
  };
  const releases = [
    holdNotesTab(disputeId, heard('notes')),
    holdDocumentsTab(disputeId, heard('documents')),
  ];
  return () => {
    cancelIdleCallback(idle);
    releaseTimeline?.();
    releases.forEach((release) => release());
  };
}
