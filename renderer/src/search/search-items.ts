/**
 * What the search index holds for each record, and which index entries a changed record affects.
 * An entry ("item") is one findable thing with its dispute: a dispute, a party (the organisation
 * with its outside counsel, in one dispute), a patent as asserted in one dispute, a proceeding, a
 * note, a deadline, a document's details, and each page of a document's text. The same functions
 * give the text a snippet is cut from, so a snippet always shows what was indexed.
 */
import type {
  Assertion,
  CaseDocument,
  Deadline,
  Dispute,
  DisputeParty,
  Note,
  Organisation,
  Patent,
  Proceeding,
} from '../../../shared/domain/schemas';
import { markdownToPlainText } from '../../../shared/search/plain-text';
import type { CasefileDb } from '../db/casefile-db';
import { SEARCHED_TABLES, type SearchedTable } from '../db/search-feed';

export const SEARCH_KINDS = [
  'dispute',
  'organisation',
  'patent',
  'proceeding',
  'note',
  'deadline',
  'document',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const KIND_LABELS: Record<SearchKind, string> = {
  dispute: 'Disputes',
  organisation: 'Organisations',
  patent: 'Patents',
  proceeding: 'Proceedings',
  note: 'Notes',
  deadline: 'Deadlines',
  document: 'Filings',
};

/** One row of the index. `key` ("note:<id>") names the record the row came from. */
export type IndexItem = {
  key: string;
  kind: SearchKind;
  /** The record to open: a note's id, a party's id, an assertion's id … */
  entityId: string;
  disputeId: string;
  /** A document's page (1-based); 0 for its details and for every other kind. */
  page: number;
  title: string;
  /** The words a person reads, also the snippet's source. */
  body: string;
  /** Extra words that are not shown: numbers, names of related things. */
  extra: string;
  /** For a patent: the patent's id, so opening it can find its row. */
  target: string;
};

export function itemKey(kind: SearchKind, id: string): string {
  return `${kind}:${id}`;
}

const join = (...parts: (string | null | undefined)[]) =>
  parts.filter((p) => p && p.trim()).join('\n');

export function disputeItem(d: Dispute): IndexItem {
  return {
    key: itemKey('dispute', d.id),
    kind: 'dispute',
    entityId: d.id,
    disputeId: d.id,
    page: 0,
    title: d.title,
    body: join(
      d.summary,
      d.tags.join(', '),
      d.resolution?.text,
      d.resolution?.licence?.scope,
      d.resolution?.licence?.territory,
    ),
    extra: join(d.matterNumber, d.status),
    target: '',
  };
}

export function partyItem(p: DisputeParty, organisation: Organisation | undefined): IndexItem {
  return {
    key: itemKey('organisation', p.id),
    kind: 'organisation',
    entityId: p.id,
    disputeId: p.disputeId,
    page: 0,
    title: organisation?.name ?? 'Unknown organisation',
    body: join(p.outsideCounsel && `Outside counsel: ${p.outsideCounsel}`, p.notes),
    extra: join(p.role, organisation?.country, organisation?.notes),
    target: p.organisationId,
  };
}

export function patentItem(a: Assertion, patent: Patent | undefined): IndexItem {
  const number = patent?.number ?? '';
  return {
    key: itemKey('patent', a.id),
    kind: 'patent',
    entityId: a.id,
    disputeId: a.disputeId,
    page: 0,
    title: join(number, patent?.title).replace(/\n/g, ' — ') || 'Patent',
    body: join(patent?.technology, a.claims && `Claims ${a.claims}`, a.notes),
    extra: join(patent?.jurisdiction, patent?.family, a.status),
    target: a.patentId,
  };
}

export function proceedingItem(p: Proceeding): IndexItem {
  return {
    key: itemKey('proceeding', p.id),
    kind: 'proceeding',
    entityId: p.id,
    disputeId: p.disputeId,
    page: 0,
    title: join(p.forum || p.country, p.caseNumber).replace(/\n/g, ' · '),
    body: join(p.judge && `Judge or panel: ${p.judge}`, p.outcome),
    extra: join(p.country, p.kind, p.stage),
    target: '',
  };
}

export function noteItem(n: Note): IndexItem {
  return {
    key: itemKey('note', n.id),
    kind: 'note',
    entityId: n.id,
    disputeId: n.disputeId,
    page: 0,
    title: n.title || `${n.kind} note${n.date ? ` of ${n.date}` : ''}`,
    body: join(markdownToPlainText(n.body), n.participants && `Participants: ${n.participants}`),
    extra: n.kind,
    target: '',
  };
}

export function deadlineItem(d: Deadline): IndexItem {
  return {
    key: itemKey('deadline', d.id),
    kind: 'deadline',
    entityId: d.id,
    disputeId: d.disputeId,
    page: 0,
    title: d.title,
    body: join(`Due ${d.date}${d.time ? ` ${d.time}` : ''}`, d.responsible),
    extra: d.kind,
    target: '',
  };
}

/** A document's details (page 0) and one item per page of its extracted text. */
export function documentItems(d: CaseDocument, pages: readonly string[]): IndexItem[] {
  const key = itemKey('document', d.id);
  const base = { key, kind: 'document' as const, entityId: d.id, disputeId: d.disputeId };
  const items: IndexItem[] = [
    {
      ...base,
      page: 0,
      title: d.title,
      body: join(d.docketEntry && `Docket entry ${d.docketEntry}`, d.filedBy, d.notes),
      extra: join(d.fileName, d.kind, d.filedOn),
      target: '',
    },
  ];
  pages.forEach((text, index) => {
    if (text.trim()) {
      items.push({ ...base, page: index + 1, title: d.title, body: text, extra: '', target: '' });
    }
  });
  return items;
}

/** The index keys a changed (table, key) affects: a renamed organisation touches its parties. */
export async function affectedKeys(
  db: CasefileDb,
  table: SearchedTable,
  key: string,
): Promise<string[]> {
  switch (table) {
    case 'disputes':
      return [itemKey('dispute', key)];
    case 'disputeParties':
      return [itemKey('organisation', key)];
    case 'organisations':
      return (await db.disputeParties.where('organisationId').equals(key).primaryKeys()).map((id) =>
        itemKey('organisation', id),
      );
    case 'assertions':
      return [itemKey('patent', key)];
    case 'patents':
      return (await db.assertions.where('patentId').equals(key).primaryKeys()).map((id) =>
        itemKey('patent', id),
      );
    case 'proceedings':
      return [itemKey('proceeding', key)];
    case 'notes':
      return [itemKey('note', key)];
    case 'deadlines':
      return [itemKey('deadline', key)];
    case 'documents':
      return [itemKey('document', key)];
    case 'documentTexts':
      return (await db.documents.where('sha256').equals(key).primaryKeys()).map((id) =>
        itemKey('document', id),
      );
  }
}

/** The items of one index key as the database holds it now ([] when the record is gone). */
export async function loadItems(db: CasefileDb, key: string): Promise<IndexItem[]> {
  const at = key.indexOf(':');
  const kind = key.slice(0, at) as SearchKind;
  const id = key.slice(at + 1);
  switch (kind) {
    case 'dispute': {
      const d = await db.disputes.get(id);
      return d ? [disputeItem(d)] : [];
    }
    case 'organisation': {
      const p = await db.disputeParties.get(id);
      return p ? [partyItem(p, await db.organisations.get(p.organisationId))] : [];
    }
    case 'patent': {
      const a = await db.assertions.get(id);
      return a ? [patentItem(a, await db.patents.get(a.patentId))] : [];
    }
    case 'proceeding': {
      const p = await db.proceedings.get(id);
      return p ? [proceedingItem(p)] : [];
    }
    case 'note': {
      const n = await db.notes.get(id);
      return n ? [noteItem(n)] : [];
    }
    case 'deadline': {
      const d = await db.deadlines.get(id);
      return d ? [deadlineItem(d)] : [];
    }
    case 'document': {
      const d = await db.documents.get(id);
      if (!d) return [];
      return documentItems(d, (await db.documentTexts.get(d.sha256))?.pages ?? []);
    }
  }
}

/**
 * The item each hit's snippet is cut from, read for the shown hits only and one kind at a time
 * (a `bulkGet` per table instead of a read per hit); a filing's text is read for the filings
 * shown, and `undefined` stands where a record has gone since it was indexed.
 */
export async function shownItems(
  db: CasefileDb,
  hits: readonly { kind: SearchKind; entityId: string; page: number }[],
): Promise<(IndexItem | undefined)[]> {
  const out: (IndexItem | undefined)[] = new Array(hits.length);
  const byKind = new Map<SearchKind, number[]>();
  hits.forEach((hit, at) => byKind.set(hit.kind, [...(byKind.get(hit.kind) ?? []), at]));
  // One read transaction for every kind: each of its reads is then one request on it, not a
  // transaction of its own (a filing's record and its text were two, one after the other).
  await db.transaction(
    'r',
    SEARCHED_TABLES.map((table) => db.table(table)),
    () =>
      Promise.all(
        [...byKind].map(async ([kind, positions]) => {
          const ids = positions.map((at) => hits[at]!.entityId);
          const made = await itemsOfKind(db, kind, ids);
          positions.forEach((at, i) => {
            const items = made[i] ?? [];
            out[at] = items.find((item) => item.page === hits[at]!.page) ?? items[0];
          });
        }),
      ),
  );
  return out;
}

async function itemsOfKind(
  db: CasefileDb,
  kind: SearchKind,
  ids: string[],
): Promise<(IndexItem[] | undefined)[]> {
  const one = <T>(rows: (T | undefined)[], make: (row: T) => IndexItem) =>
    rows.map((row) => (row ? [make(row)] : undefined));
  switch (kind) {
    case 'dispute':
      return one(await db.disputes.bulkGet(ids), disputeItem);
    case 'organisation': {
      const parties = await db.disputeParties.bulkGet(ids);
      const organisations = await db.organisations.bulkGet(
        parties.map((p) => p?.organisationId ?? ''),
      );
      return parties.map((p, i) => (p ? [partyItem(p, organisations[i])] : undefined));
    }
    case 'patent': {
      const assertions = await db.assertions.bulkGet(ids);
      const patents = await db.patents.bulkGet(assertions.map((a) => a?.patentId ?? ''));
      return assertions.map((a, i) => (a ? [patentItem(a, patents[i])] : undefined));
    }
    case 'proceeding':
      return one(await db.proceedings.bulkGet(ids), proceedingItem);
    case 'note':
      return one(await db.notes.bulkGet(ids), noteItem);
    case 'deadline':
      return one(await db.deadlines.bulkGet(ids), deadlineItem);
    case 'document': {
      const documents = await db.documents.bulkGet(ids);
      const texts = await db.documentTexts.bulkGet(documents.map((d) => d?.sha256 ?? ''));
      return documents.map((d, i) => (d ? documentItems(d, texts[i]?.pages ?? []) : undefined));
    }
  }
}
