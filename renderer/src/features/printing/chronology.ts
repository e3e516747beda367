/**
 * The chronology printed in a case summary: every dated record of the dispute, oldest first. Dates
 * keep the precision they were recorded with ("March 2023"), and ISO text sorts them correctly, a
 * month before the days within it. It is not features/timeline/'s builder: a printed page is one
 * line per event in words, dated entries only, and adds the dispute's own opening and closing,
 * where the on-screen timeline links each entry to its item and lists the undated ones apart.
 */
import type {
  CaseDocument,
  Deadline,
  Dispute,
  Note,
  Proceeding,
} from '../../../../shared/domain/schemas';
import { outcomeLabel } from '../../../../shared/domain/portfolio-groups';
import {
  deadlineKind,
  documentKind,
  noteKind,
  proceedingKind,
} from '../../../../shared/domain/vocabulary';
import { noteHeading } from '../../../../shared/text/first-words';
import { forumLabel } from '../disputes/dispute-queries';

export type ChronologyEntry = { date: string; event: string };

export type ChronologyInput = {
  dispute: Dispute;
  proceedings: Proceeding[];
  documents: CaseDocument[];
  /** Only the notes the summary may show. */
  notes: Note[];
  deadlines: Deadline[];
};

export function buildChronology({
  dispute,
  proceedings,
  documents,
  notes,
  deadlines,
}: ChronologyInput): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  const add = (date: string, event: string) => {
    if (date) entries.push({ date, event });
  };
  add(dispute.openedOn, 'Dispute opened');
  for (const p of proceedings) {
    const where = forumLabel(p);
    add(p.filedOn, `${proceedingKind.labels[p.kind]} filed${where ? ` — ${where}` : ''}`);
    add(p.closedOn, `${proceedingKind.labels[p.kind]} closed${where ? ` — ${where}` : ''}`);
  }
  for (const d of documents) add(d.filedOn, `${documentKind.labels[d.kind]}: ${d.title}`);
  for (const n of notes) add(n.date, `${noteKind.labels[n.kind]}: ${noteHeading(n, 'note')}`);
  for (const d of deadlines) {
    add(d.date, `${deadlineKind.labels[d.kind]}: ${d.title}${d.done ? ' (done)' : ''}`);
  }
  if (dispute.resolution) add(dispute.resolution.date, outcomeLabel(dispute.resolution));
  // With an outcome, the closed date is the outcome's date (dispute-life.ts): its entry says it.
  else add(dispute.closedOn, 'Dispute closed');
  // A stable sort keeps records of the same date in the order above: opening before filings.
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
