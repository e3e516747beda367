/**
 * The read model of a dispute's document list: its documents with their extracted text, filtered
 * by kind and by words (found in the title, file name, docket entry, filed by, notes or the text
 * of the file itself), and sorted by filed date or kind. Undated documents sort after dated ones
 * whichever way the dates run, since "no date" is not earlier than every date.
 */
import { Dexie } from 'dexie';
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { documentKind, type DocumentKind } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';
import { sortInSlices } from './sort-in-slices';

export type DocumentRow = { document: CaseDocument; text: string };

export type DocumentSort = 'filed-desc' | 'filed-asc' | 'kind';

export type DocumentFilter = {
  kind: DocumentKind | 'all';
  words: string;
  /** Documents whose extracted text matches `words`, as the search index found them. */
  textMatches?: ReadonlySet<string> | null;
};

/**
 * Documents read in one request at most. A request's whole answer is handled in one task of the
 * window: decoded, cloned, and each of its keys recorded by the live query that reads it (Dexie's
 * RangeSet, some 10 µs a key). A dispute of 50,000 filings read at once held the window for most
 * of a second after its bundle was imported, when the dispute's page readied its Documents tab,
 * and again for over a second when it readied its timeline.
 */
const ONE_READ = 2_000;

/**
 * The dispute's documents, in id order. Their extracted text is not loaded: a filing can have
 * hundreds of pages, and the words filter asks the search index instead
 * (`DocumentFilter.textMatches`). One transaction, so the pages (readDisputeDocuments) see the
 * same documents.
 */
export async function loadDocumentRows(
  db: CasefileDb,
  disputeId: string,
  oneRead = ONE_READ,
): Promise<DocumentRow[]> {
  const documents = await db.transaction('r', db.documents, () =>
    readDisputeDocuments(db, disputeId, oneRead),
  );
  return documents.map((document) => ({ document, text: '' }));
}

/**
 * Every document of a dispute, in id order, read a page of ONE_READ at a time through
 * `[disputeId+id]`, each page starting after the last id of the one before, so the window
 * answers between pages. The Documents tab's rows and the timeline read through here (the
 * dispute's page holds both once it is drawn). Call it inside a transaction that holds
 * `documents`, so its pages see one moment.
 */
export async function readDisputeDocuments(
  db: CasefileDb,
  disputeId: string,
  oneRead = ONE_READ,
): Promise<CaseDocument[]> {
  const read: CaseDocument[] = [];
  let after: string | null = null;
  for (;;) {
    const page: CaseDocument[] = await db.documents
      .where('[disputeId+id]')
      .between([disputeId, after ?? Dexie.minKey], [disputeId, Dexie.maxKey], after === null, true)
      .limit(oneRead)
      .toArray();
    read.push(...page);
    if (page.length < oneRead) return read;
    after = page[page.length - 1]!.id;
  }
}

/** The order the tab opens in, and the one its rows are read in (documentRowsQuery). */
export const DEFAULT_DOCUMENT_SORT: DocumentSort = 'filed-desc';

/**
 * The rows in `sort`'s order, sorted a slice at a time (sort-in-slices.ts): a collator's
 * comparisons of 50,000 titles held the window for a third of a second in one task.
 */
export function orderDocumentRows(
  rows: readonly DocumentRow[],
  sort: DocumentSort,
  signal?: AbortSignal,
): Promise<DocumentRow[]> {
  return sortInSlices(rows, compareDocumentRows(sort), { signal });
}

function compareFiled(a: CaseDocument, b: CaseDocument, direction: 1 | -1): number {
  if (a.filedOn === b.filedOn) return 0;
  if (a.filedOn === '') return 1;
  if (b.filedOn === '') return -1;
  return a.filedOn < b.filedOn ? -direction : direction;
}

// One collator for every comparison: localeCompare with options builds a new one on each call,
// which made sorting a thousand filings take a noticeable part of opening the tab.
const titleOrder = new Intl.Collator(undefined, { numeric: true });

const kindOrder = new Map(documentKind.values.map((kind, index) => [kind, index]));

/** How two rows compare in `sort`'s order: by date, then kind, then title (or kind first). */
export function compareDocumentRows(
  sort: DocumentSort,
): (a: DocumentRow, b: DocumentRow) => number {
  const byTitle = (a: DocumentRow, b: DocumentRow) =>
    titleOrder.compare(a.document.title, b.document.title);
  if (sort === 'kind') {
    return (a, b) =>
      kindOrder.get(a.document.kind)! - kindOrder.get(b.document.kind)! ||
      compareFiled(a.document, b.document, -1) ||
      byTitle(a, b);
  }
  const direction = sort === 'filed-asc' ? 1 : -1;
  return (a, b) =>
    compareFiled(a.document, b.document, direction) ||
    kindOrder.get(a.document.kind)! - kindOrder.get(b.document.kind)! ||
    byTitle(a, b);
}

/** The rows that pass `filter`, in the order they are given. */
export function filterDocuments(rows: DocumentRow[], filter: DocumentFilter): DocumentRow[] {
  const words = filter.words.toLowerCase().split(/\s+/).filter(Boolean);
  if (filter.kind === 'all' && words.length === 0) return rows;
  const matches = ({ document, text }: DocumentRow) => {
    if (filter.kind !== 'all' && document.kind !== filter.kind) return false;
    if (words.length === 0) return true;
    const haystack = [
      document.title,
      document.fileName,
      document.docketEntry,
      document.filedBy,
      document.notes,
      text,
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => haystack.includes(word)) || !!filter.textMatches?.has(document.id);
  };
  return rows.filter(matches);
}
