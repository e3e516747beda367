/**
 * The dispute's story as one chronological list: proceedings filed and closed, documents by filed
 * date, deadlines and events, notes and the resolution. Dates are compared as their ISO text, so
 * the rule for partial dates is the string order: a year-only date ("2023") comes before every
 * month of that year and a month-only date ("2023-03") before every day of that month, i.e. each
 * sits at the start of the period it names. On one day, entries without a time come before timed
 * ones, in time order. Undated entries (a note whose date was not given, an outcome without a
 * date) are kept apart and listed last, under "Undated".
 */
import type {
  CaseDocument,
  Deadline,
  Dispute,
  Note,
  Proceeding,
} from '../../../../shared/domain/schemas';
import { outcomeLabel } from '../../../../shared/domain/portfolio-groups';
import { deadlineKind, documentKind, noteKind } from '../../../../shared/domain/vocabulary';
import { compareCodeUnits } from '../../../../shared/text/compare';
import { noteHeading } from '../../../../shared/text/first-words';
import { sortInSlices } from '../documents/sort-in-slices';

export const timelineKinds = [
  { value: 'proceeding', label: 'Proceedings' },
  { value: 'document', label: 'Documents' },
  { value: 'deadline', label: 'Deadlines and events' },
  { value: 'note', label: 'Notes' },
  { value: 'resolution', label: 'Resolution' },
] as const;

export type TimelineKind = (typeof timelineKinds)[number]['value'];

export type TimelineEntry = {
  /** Unique within one timeline (a proceeding gives two entries: filed and closed). */
  key: string;
  kind: TimelineKind;
  /** ISO date at the precision known (YYYY, YYYY-MM or YYYY-MM-DD); '' when undated. */
  date: string;
  time: string;
  /** What happened, in words: "Filed: Shenzhen court (China)". */
  title: string;
  /** The kind in words ("Offer", "Hearing", "Complaint"). */
  label: string;
  /** The dispute tab that shows the item, and the item's id there. */
  tab: 'proceedings' | 'documents' | 'deadlines' | 'notes' | 'resolution';
  itemId: string;
};

export type TimelineSources = {
  dispute: Pick<Dispute, 'id' | 'resolution'>;
  proceedings: Pick<
    Proceeding,
    'id' | 'forum' | 'country' | 'caseNumber' | 'filedOn' | 'closedOn'
  >[];
  documents: Pick<CaseDocument, 'id' | 'title' | 'kind' | 'filedOn'>[];
  deadlines: Pick<Deadline, 'id' | 'title' | 'kind' | 'date' | 'time' | 'done'>[];
  notes: Pick<Note, 'id' | 'title' | 'body' | 'kind' | 'date' | 'recordsResolution'>[];
};

const kindOrder: Record<TimelineKind, number> = {
  proceeding: 0,
  document: 1,
  note: 2,
  deadline: 3,
  resolution: 4,
};

function sortKey(entry: TimelineEntry): string {
  return entry.time ? `${entry.date}T${entry.time}` : entry.date;
}

const titleOrder = new Intl.Collator();

export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    compareCodeUnits(sortKey(a), sortKey(b)) ||
    kindOrder[a.kind] - kindOrder[b.kind] ||
    titleOrder.compare(a.title, b.title) ||
    compareCodeUnits(a.key, b.key)
  );
}

function proceedingName(p: TimelineSources['proceedings'][number]): string {
  const forum = p.forum && p.country ? `${p.forum} (${p.country})` : p.forum || p.country;
  return p.caseNumber ? `${forum}, ${p.caseNumber}` : forum;
}

function entriesOf(sources: TimelineSources): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const p of sources.proceedings) {
    // A proceeding with no filed date is still one the timeline should show: it is undated.
    entries.push({
      key: `proceeding-filed-${p.id}`,
      kind: 'proceeding',
      date: p.filedOn,
      time: '',
      title: `Filed: ${proceedingName(p)}`,
      label: 'Proceeding filed',
      tab: 'proceedings',
      itemId: p.id,
    });
    if (p.closedOn) {
      entries.push({
        key: `proceeding-closed-${p.id}`,
        kind: 'proceeding',
        date: p.closedOn,
        time: '',
        title: `Closed: ${proceedingName(p)}`,
        label: 'Proceeding closed',
        tab: 'proceedings',
        itemId: p.id,
      });
    }
  }
  for (const d of sources.documents) {
    entries.push({
      key: `document-${d.id}`,
      kind: 'document',
      date: d.filedOn,
      time: '',
      title: d.title,
      label: documentKind.labels[d.kind],
      tab: 'documents',
      itemId: d.id,
    });
  }
  for (const d of sources.deadlines) {
    entries.push({
      key: `deadline-${d.id}`,
      kind: 'deadline',
      date: d.date,
      time: d.time,
      title: d.done ? `${d.title} (done)` : d.title,
      label: deadlineKind.labels[d.kind],
      tab: 'deadlines',
      itemId: d.id,
    });
  }
  for (const n of sources.notes) {
    entries.push({
      key: `note-${n.id}`,
      kind: 'note',
      date: n.date,
      time: '',
      title: noteHeading(n, `${noteKind.labels[n.kind]} note`),
      label: noteKind.labels[n.kind],
      tab: 'notes',
      itemId: n.id,
    });
  }
  const resolution = sources.dispute.resolution;
  if (resolution) {
    entries.push({
      key: `resolution-${sources.dispute.id}`,
      kind: 'resolution',
      date: resolution.date,
      time: '',
      title: `Outcome: ${outcomeLabel(resolution)}`,
      label: 'Resolution',
      tab: 'resolution',
      itemId: sources.dispute.id,
    });
  }
  return entries;
}

/** The dated entries in order, and the undated ones apart. */
export type Timeline = { dated: TimelineEntry[]; undated: TimelineEntry[] };

/**
 * Every entry: the dated ones in order and the undated ones apart. Sorted a slice at a time
 * (sort-in-slices.ts), the window given back in between: a dispute's 50,000 filings are some
 * 800,000 comparisons, each building two sort keys and often asking a collator.
 */
export async function buildTimeline(sources: TimelineSources): Promise<Timeline> {
  const entries = await sortInSlices(entriesOf(sources), compareEntries);
  return {
    dated: entries.filter((e) => e.date !== ''),
    undated: entries.filter((e) => e.date === ''),
  };
}

/** A timeline limited to the kinds shown: the same one when every kind is. */
export function showKinds(timeline: Timeline, shown: ReadonlySet<TimelineKind>): Timeline {
  if (timelineKinds.every((k) => shown.has(k.value))) return timeline;
  return {
    dated: timeline.dated.filter((e) => shown.has(e.kind)),
    undated: timeline.undated.filter((e) => shown.has(e.kind)),
  };
}
