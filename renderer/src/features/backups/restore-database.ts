/**
 * Replaces the whole database with a verified archive, in one transaction over every table: either
 * every table holds the archive's records (and every file its bytes) or, on any failure, the
 * database is exactly as it was. Call only with what readArchive returned, which has already
 * checked every checksum and record.
 */
import type { ReadArchive } from '../../../../shared/archive/read-archive';
import { archiveTableNames } from '../../../../shared/archive/tables';
import { normaliseDispute } from '../../../../shared/domain/dispute-life';
import type { Dispute } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { tableOf } from './database-source';

/**
 * Replaces the database; answers what had to be repaired on the way in, in words ("“Acme v.
 * Widget”: Status: Settled → Closed …"): records from an older version obey today's rules.
 */
export async function replaceDatabase(db: CasefileDb, archive: ReadArchive): Promise<string[]> {
  const tables = archiveTableNames.map((name) => tableOf(db, name));
  const repairs: string[] = [];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    for (const name of archiveTableNames) {
      const rows = archive.tables[name] ?? [];
      if (rows.length === 0) continue;
      if (name === 'files') {
        await db.files.bulkAdd(
          rows.map((row) => {
            const metadata = row as { sha256: string; mimeType: string };
            const bytes = archive.files.get(metadata.sha256);
            if (!bytes) throw new Error(`The bytes of file ${metadata.sha256} are missing.`);
            return { ...(row as object), blob: new Blob([bytes], { type: metadata.mimeType }) };
          }) as never[],
        );
      } else if (name === 'disputes') {
        await db.disputes.bulkAdd(
          (rows as Dispute[]).map((row) => {
            const { dispute, changes } = normaliseDispute(row);
            for (const change of changes) repairs.push(`“${row.title}”: ${change}`);
            return dispute;
          }),
        );
      } else {
        await tableOf(db, name).bulkAdd(rows);
      }
    }
  });
  return repairs;
}
