/**
 * Validates a bundle's records before anything is written: every record against its zod schema,
 * then the bundle as a whole (exactly one dispute, every record belongs to it, every reference
 * points at a record or file the bundle holds, every file's size matches). Each problem is one
 * `BundleError` in the person's words, naming the table and record, so they know what is wrong.
 */
import {
  bundleRecordSchemas,
  bundleTables,
  emptyRecords,
  type BundleRecords,
  type BundleTable,
} from './bundle-content';

export type BundleErrorCode =
  'not-a-bundle' | 'invalid-record' | 'not-one-dispute' | 'broken-reference';

const NOTHING_IMPORTED = 'Nothing was imported.';

export class BundleError extends Error {
  readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, message: string) {
    super(`${message} ${NOTHING_IMPORTED}`);
    this.name = 'BundleError';
    this.code = code;
  }
}

const tableWords: Record<BundleTable, string> = {
  disputes: 'dispute',
  organisations: 'organisation',
  disputeParties: 'party',
  proceedings: 'proceeding',
  patents: 'patent',
  assertions: 'asserted patent',
  documents: 'document',
  documentTexts: 'document text',
  files: 'stored file',
  notes: 'note',
  deadlines: 'deadline',
};

function parseRecords(tables: Partial<Record<string, unknown[]>>): BundleRecords {
  const records = emptyRecords();
  for (const table of bundleTables) {
    const rows = tables[table] ?? [];
    const parsed: unknown[] = [];
    rows.forEach((row, index) => {
      const result = bundleRecordSchemas[table].safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.map(String).join('.') ?? '';
        throw new BundleError(
          'invalid-record',
          `The bundle’s ${tableWords[table]} record ${index + 1} is not valid` +
            `${field ? ` (${field})` : ''}: ${issue?.message ?? 'it does not match the format'}.`,
        );
      }
      parsed.push(result.data);
    });
    (records[table] as unknown[]) = parsed;
  }
  return records;
}

function broken(message: string): never {
  throw new BundleError('broken-reference', message);
}

/**
 * Turns a read archive's tables into records that are safe to import, or throws; `fileSizes` are
 * the sizes of the stored files the archive holds, by SHA-256 (only sizes: the files' bytes are
 * not needed to check them, and each Blob made costs the worker a round trip to the browser).
 */
export function checkBundle(
  tables: Partial<Record<string, unknown[]>>,
  fileSizes: ReadonlyMap<string, number>,
): BundleRecords {
  for (const [table, rows] of Object.entries(tables)) {
    if (!bundleTables.includes(table as BundleTable) && (rows?.length ?? 0) > 0) {
      throw new BundleError(
        'not-a-bundle',
        `This file holds ${table} records, which a case bundle never carries.`,
      );
    }
  }
  const records = parseRecords(tables);
  if (records.disputes.length !== 1) {
    throw new BundleError(
      'not-one-dispute',
      `A case bundle holds exactly one dispute; this one holds ${records.disputes.length}.`,
    );
  }
  const disputeId = records.disputes[0]!.id;
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const organisations = ids(records.organisations);
  const proceedings = ids(records.proceedings);
  const patents = ids(records.patents);
  const documents = ids(records.documents);
  const fileFacts = new Map(records.files.map((f) => [f.sha256, f]));

  for (const table of bundleTables) {
    const rows = records[table] as { id?: string; disputeId?: string }[];
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.disputeId !== undefined && row.disputeId !== disputeId) {
        broken(
          `A ${tableWords[table]} in the bundle belongs to a dispute the bundle does not hold.`,
        );
      }
      const key = row.id ?? (row as { sha256?: string }).sha256 ?? '';
      if (seen.has(key)) broken(`The bundle holds the same ${tableWords[table]} twice.`);
      seen.add(key);
    }
  }
  for (const party of records.disputeParties) {
    if (!organisations.has(party.organisationId))
      broken('A party in the bundle names an organisation the bundle does not hold.');
  }
  for (const patent of records.patents) {
    if (patent.ownerId !== null && !organisations.has(patent.ownerId))
      broken(`Patent ${patent.number || patent.title} names an owner the bundle does not hold.`);
  }
  for (const assertion of records.assertions) {
    if (!proceedings.has(assertion.proceedingId) || !patents.has(assertion.patentId))
      broken('An asserted patent in the bundle points at a proceeding or patent it does not hold.');
  }
  for (const row of [...records.documents, ...records.deadlines]) {
    if (row.proceedingId !== null && !proceedings.has(row.proceedingId))
      broken('A document or deadline in the bundle points at a proceeding it does not hold.');
  }
  for (const note of records.notes) {
    if (note.documentIds.some((id) => !documents.has(id)))
      broken('A note in the bundle links to a document the bundle does not hold.');
  }
  for (const document of records.documents) {
    const facts = fileFacts.get(document.sha256);
    const size = fileSizes.get(document.sha256);
    if (!facts || size === undefined)
      broken(`The bytes of the document “${document.title}” are missing from the bundle.`);
    if (size !== facts.size || size !== document.size)
      broken(`The file of the document “${document.title}” does not have its recorded size.`);
  }
  const hashes = new Set(records.documents.map((d) => d.sha256));
  for (const row of [...records.files, ...records.documentTexts]) {
    if (!hashes.has(row.sha256))
      broken('The bundle holds a file or text that no document in it uses.');
  }
  return records;
}
