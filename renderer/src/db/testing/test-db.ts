/** Helpers for tests that run repositories on fake-indexeddb. */
import { CasefileDb } from '../casefile-db';

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
