/** Helpers for tests that run repositories on fake-indexeddb. */
import { createHash } from 'node:crypto';
import type { DisputeInput } from '../../../../shared/domain/schemas';
import { CasefileDb } from '../casefile-db';
import { createDispute } from '../repos/dispute-repo';
import type { FileToAttach } from '../repos/document-repo';

let counter = 0;

export function openTestDb(): CasefileDb {
  counter += 1;
  return new CasefileDb(`casefile-test-${Date.now()}-${counter}`);
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
