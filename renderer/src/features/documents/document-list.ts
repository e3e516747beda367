/**
 * The read model of a dispute's document list: its documents with their extracted text, filtered
 * by kind and by words (found in the title, file name, docket entry, filed by, notes or the text
 * of the file itself), and sorted by filed date or kind. Undated documents sort after dated ones
 * whichever way the dates run, since "no date" is not earlier than every date.
 */
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { documentKind, type DocumentKind } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';

export type DocumentRow = { document: CaseDocument; text: string };

export type DocumentSort = 'filed-desc' | 'filed-asc' | 'kind';

export type DocumentFilter = {
  kind: DocumentKind | 'all';
  words: string;
  sort: DocumentSort;
  /** Documents whose extracted text matches `words`, as the search index found them. */
  textMatches?: ReadonlySet<string> | null;
};

/**
 * Documents read in one request at most. A request's whole answer is handled in one task of the
 * window: decoded, cloned, and each of its keys recorded by the live query that reads it (Dexie's
 * RangeSet, some 10 µs a key). A dispute of 50,000 filings read at once held the window for most
 * of a second after its bundle was imported, when the dispute's page readies its Documents tab.
 */
const ONE_READ = 2_000;

/**
 * The dispute's documents. Their extracted text is not loaded: a filing can have hundreds of
 * pages, and the words filter asks the search index instead (`DocumentFilter.textMatches`).
 * Past ONE_READ the rest is read with a cursor, a task a document: slower in all, but the window
 * answers meanwhile. (The index is on `disputeId` alone, so a request cannot start after a
 * given document; a cursor can.) One transaction, so both reads see the same documents.
 */
export async function loadDocumentRows(
  db: CasefileDb,
  disputeId: string,
  oneRead = ONE_READ,
): Promise<DocumentRow[]> {
  const documents = await db.transaction('r', db.documents, async () => {
    const ofDispute = () => db.documents.where('disputeId').equals(disputeId);
    const first = await ofDispute().limit(oneRead).toArray();
    if (first.length < oneRead) return first;
    return first.concat(await ofDispute().offset(oneRead).toArray());
  });
  return documents.map((document) => ({ document, text: '' }));
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

export function filterDocuments(rows: DocumentRow[], filter: DocumentFilter): DocumentRow[] {
  const words = filter.words.toLowerCase().split(/\s+/).filter(Boolean);
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
  const byTitle = (a: DocumentRow, b: DocumentRow) =>
    titleOrder.compare(a.document.title, b.document.title);
  const compare = (a: DocumentRow, b: DocumentRow) => {
    if (filter.sort === 'kind') {
      const byKind = kindOrder.get(a.document.kind)! - kindOrder.get(b.document.kind)!;
      return byKind || compareFiled(a.document, b.document, -1) || byTitle(a, b);
    }
    const direction = filter.sort === 'filed-asc' ? 1 : -1;
    return (
      compareFiled(a.document, b.document, direction) ||
      kindOrder.get(a.document.kind)! - kindOrder.get(b.document.kind)! ||
      byTitle(a, b)
    );
  };
  return rows.filter(matches).sort(compare);
}
