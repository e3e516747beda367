/**
 * Documents and the bytes they point at. A document's metadata and its file are written in one
 * transaction, so a failure (a quota error, a dispute deleted meanwhile) leaves neither. Bytes
 * live once per SHA-256 in `files`: attaching the same file again, to this dispute or another,
 * adds a document and reuses the stored Blob, and deleting a document removes the bytes only when
 * no other document still uses them (document-cascade.ts). Text extraction writes its results
 * here too, for every document that shares the bytes.
 */
import { z } from 'zod';
import {
  documentInputSchema,
  documentSchema,
  documentTextSchema,
  type CaseDocument,
  type DocumentInput,
  type StoredFile,
} from '../../../../shared/domain/schemas';
import type { TextStatus } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../casefile-db';
import { createEntity, nowIso, touchDispute, updateEntity, type EntitySpec } from '../entity-store';
import { deleteDocumentRecords } from './document-cascade';
import { newTrashBag, putInTrash } from '../trash';

export const documentSpec: EntitySpec<CaseDocument, typeof documentInputSchema> = {
  entity: 'document',
  what: 'The document',
  table: (db) => db.documents,
  inputSchema: documentInputSchema,
  describe: (document) => document.title,
  disputeIdOf: (document) => document.disputeId,
  // Read, not written: the audit entry names the document's proceeding as it is now, so History
  // still names it once it is renamed or deleted.
  alsoTouches: (db) => [db.proceedings],
};

/** What attaching adds to the person's fields: the file's facts, which they cannot edit. */
const attachInputSchema = documentSchema.omit({ id: true, createdAt: true, updatedAt: true });

const attachSpec: EntitySpec<CaseDocument, typeof attachInputSchema> = {
  ...documentSpec,
  inputSchema: attachInputSchema,
  alsoTouches: (db) => [db.files, db.documentTexts, db.proceedings],
};

export type FileToAttach = {
  blob: Blob;
  fileName: string;
  mimeType: string;
  /** Lower-case hex SHA-256 of exactly `blob`'s bytes (hashed off the main thread). */
  sha256: string;
};

export function isPdf(mimeType: string, fileName: string): boolean {
  return mimeType === 'application/pdf' || /\.pdf$/i.test(fileName);
}

/** Images OCR can read: they have no text of their own, so they start as "scanned". */
export function isOcrImage(mimeType: string, fileName: string): boolean {
  return /^image\/(png|jpeg|tiff)$/.test(mimeType) || /\.(png|jpe?g|tiff?)$/i.test(fileName);
}

function initialTextStatus(mimeType: string, fileName: string): TextStatus {
  if (isPdf(mimeType, fileName)) return 'pending';
  return isOcrImage(mimeType, fileName) ? 'scanned' : 'not-applicable';
}

/**
 * Adds a document with its bytes. The file is stored only if no document has stored the same
 * bytes before; a copy of already-extracted bytes inherits their page count and text status.
 */
export async function attachDocument(
  db: CasefileDb,
  input: DocumentInput,
  file: FileToAttach,
  /** Facts the file brings with it: an e-mail's headers, the e-mail an attachment came with. */
  facts: Partial<Pick<CaseDocument, 'email' | 'emailId' | 'receivedOn' | 'textStatus'>> = {},
): Promise<CaseDocument> {
  if (file.blob.size === 0) throw new Error(`“${file.fileName}” is empty, so it was not attached.`);
  return createEntity(
    db,
    attachSpec,
    {
      ...facts,
      ...input,
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.blob.size,
      sha256: file.sha256,
      pageCount: null,
      textStatus: facts.textStatus ?? initialTextStatus(file.mimeType, file.fileName),
    },
    {
      check: async (record) => {
        if (!(await db.disputes.get(record.disputeId))) {
          throw new Error('The dispute no longer exists, so nothing was attached to it.');
        }
        const stored = await db.files.get(record.sha256);
        if (!stored) {
          const storedFile: StoredFile = {
            sha256: record.sha256,
            size: file.blob.size,
            mimeType: file.mimeType,
            storedAt: record.createdAt,
            blob: file.blob,
          };
          await db.files.add(storedFile);
          return;
        }
        // The bytes are already here; a document that used them may have been read already.
        const sibling = await db.documents
          .where('sha256')
          .equals(record.sha256)
          .and((d) => d.textStatus !== 'pending')
          .first();
        if (sibling) {
          record.textStatus = sibling.textStatus;
          record.pageCount = sibling.pageCount;
        }
      },
    },
  );
}

export function updateDocument(
  db: CasefileDb,
  id: string,
  input: DocumentInput,
): Promise<CaseDocument> {
  return updateEntity(db, documentSpec, id, input);
}

/** The editable fields of a stored document, as its form takes them. */
export function documentToInput(document: CaseDocument): Required<DocumentInput> {
  return {
    disputeId: document.disputeId,
    proceedingId: document.proceedingId,
    title: document.title,
    kind: document.kind,
    filedOn: document.filedOn,
    docketEntry: document.docketEntry,
    filedBy: document.filedBy,
    language: document.language,
    privilege: document.privilege,
    notes: document.notes,
  };
}

/** Moves a document into the trash (its bytes stay until purged); answers the entry's id. */
export async function deleteDocument(db: CasefileDb, id: string): Promise<string | null> {
  // Proceedings are only read, to name the document's proceeding in its audit entry.
  const tables = [db.documents, db.audit, db.disputes, db.trash, db.proceedings];
  return db.transaction('rw', tables, async () => {
    const document = await db.documents.get(id);
    if (!document) return null;
    const at = nowIso();
    const bag = newTrashBag();
    await deleteDocumentRecords(db, [document], at, bag);
    await touchDispute(db, document.disputeId, at);
    return putInTrash(db, bag, {
      entity: 'document',
      entityId: document.id,
      disputeId: document.disputeId,
      summary: `Deleted document “${document.title}”`,
      deletedAt: at,
    });
  });
}

/** The stored bytes of a document, or undefined when they are missing. */
export async function documentBlob(db: CasefileDb, sha256: string): Promise<Blob | undefined> {
  return (await db.files.get(sha256))?.blob;
}

/** The distinct files whose text is still to be extracted (oldest attachment first). */
export async function pendingExtractions(db: CasefileDb): Promise<string[]> {
  const pending = await db.documents.where('textStatus').equals('pending').sortBy('createdAt');
  return [...new Set(pending.map((d) => d.sha256))];
}

export const extractionResultSchema = z.object({
  textStatus: z.enum(['extracted', 'scanned', 'unreadable']),
  pageCount: z.number().int().nonnegative().nullable(),
  pages: z.array(z.string()),
});
export type ExtractionResult = z.infer<typeof extractionResultSchema>;

/**
 * Stores what extraction found for one file and marks every pending document with those bytes.
 * Not audited: it is the app's own bookkeeping about the bytes, not a change a person made, and
 * the history of a dispute should read as what counsel did. If every document using the bytes
 * was deleted meanwhile, nothing is written.
 */
export async function recordExtraction(
  db: CasefileDb,
  sha256: string,
  result: ExtractionResult,
): Promise<number> {
  const parsed = extractionResultSchema.parse(result);
  return db.transaction('rw', [db.documents, db.documentTexts], async () => {
    const documents = await db.documents.where('sha256').equals(sha256).toArray();
    if (documents.length === 0) return 0;
    if (parsed.textStatus === 'extracted') {
      await db.documentTexts.put({ sha256, pages: parsed.pages });
    }
    const status: TextStatus = parsed.textStatus;
    let changed = 0;
    for (const document of documents) {
      if (document.textStatus !== 'pending') continue;
      await db.documents.update(document.id, { textStatus: status, pageCount: parsed.pageCount });
      changed += 1;
    }
    return changed;
  });
}

/**
 * Stores the text OCR read from a file, marked as OCR with each page's confidence, and marks every
 * scanned document with those bytes as having text, in one transaction that also ends the file's
 * OCR job. Nothing is written if no scanned document uses the bytes any more.
 */
export async function recordOcrText(
  db: CasefileDb,
  sha256: string,
  pages: string[],
  confidence: number[],
): Promise<number> {
  const text = documentTextSchema.parse({ sha256, pages, source: 'ocr', confidence });
  return db.transaction('rw', [db.documents, db.documentTexts, db.ocrJobs], async () => {
    await db.ocrJobs.delete(sha256);
    const scanned = await db.documents
      .where('sha256')
      .equals(sha256)
      .and((d) => d.textStatus === 'scanned')
      .toArray();
    if (scanned.length === 0) return 0;
    await db.documentTexts.put(text);
    for (const document of scanned) {
      await db.documents.update(document.id, { textStatus: 'extracted', pageCount: pages.length });
    }
    return scanned.length;
  });
}

/** The stored text record of a file (pages, and whether OCR read it), if any. */
export function documentTextRecord(db: CasefileDb, sha256: string) {
  return db.documentTexts.get(sha256);
}

/** Extracted pages of a file, or [] when it has none. */
export async function documentText(db: CasefileDb, sha256: string): Promise<string[]> {
  return (await db.documentTexts.get(sha256))?.pages ?? [];
}
