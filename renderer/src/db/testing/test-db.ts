/** Helpers for tests that run repositories on fake-indexeddb. */
import { createHash } from 'node:crypto';
import type { CaseDocument, DisputeInput, Note } from '../../../../shared/domain/schemas';
import { CasefileDb } from '../casefile-db';
import { createDispute } from '../repos/dispute-repo';
import type { FileToAttach } from '../repos/document-repo';

let counter = 0;

export function openTestDb(): CasefileDb {
  counter += 1;
  return new CasefileDb(`casefile-test-${Date.now()}-${counter}`);
}

/** A whole note record as stored, for tests that write notes past the repository. */
export function noteRecord(fields: Pick<Note, 'id' | 'disputeId'> & Partial<Note>): Note {
  return {
    date: '',
    kind: 'meeting',
    participants: '',
    amount: null,
    currency: '',
    title: fields.id,
    body: '',
    documentIds: [],
    privilege: 'attorney-client-work-product',
    recordsResolution: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** A whole document record as stored (a pending PDF of dispute 'd'), for tests of its rows. */
export function documentRecord(
  fields: Pick<CaseDocument, 'id'> & Partial<CaseDocument>,
): CaseDocument {
  return {
    disputeId: 'd',
    proceedingId: null,
    title: fields.id,
    kind: 'other',
    filedOn: '',
    docketEntry: '',
    filedBy: '',
    language: '',
    privilege: 'none',
    notes: '',
    fileName: 'f.pdf',
    mimeType: 'application/pdf',
    size: 1,
    sha256: '0'.repeat(64),
    pageCount: null,
    textStatus: 'pending',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshot(db: CasefileDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return Object.fromEntries(entries);
}

/** A fresh database holding one active dispute, for tests of what hangs off a dispute. */
export async function openTestDbWithDispute(
  fields: Partial<DisputeInput> = {},
): Promise<{ db: CasefileDb; disputeId: string }> {
  const db = openTestDb();
  const { id } = await createDispute(db, {
    title: 'Acme v. Widget',
    ourRole: 'plaintiff',
    status: 'active',
    ...fields,
  });
  return { db, disputeId: id };
}

/** A file as the attach flow hands it to the repository: its bytes, name, type and SHA-256. */
export function fileToAttach(text: string, fileName: string, mimeType: string): FileToAttach {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { blob: new Blob([bytes], { type: mimeType }), fileName, mimeType, sha256 };
}
