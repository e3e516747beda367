/**
 * Replaces the whole database with a verified archive, in one transaction over every table: either
 * every table holds the archive's records (and every file its bytes) or, on any failure, the
 * database is exactly as it was. Call only with what readArchive returned, which has already
 * checked every checksum and record. The app runs it in the archive worker, on that worker's own
 * connection (workers/archive-service.ts): still one transaction, but the Blobs are made and
 * cloned there, not on the window's thread.
 */
import type { ArchiveManifest } from '../../../../shared/archive/manifest';
import type { ReadArchive } from '../../../../shared/archive/read-archive';
import { archiveTableNames } from '../../../../shared/archive/tables';
import { normaliseDispute } from '../../../../shared/domain/dispute-life';
import type { Dispute } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { tableOf } from './database-source';

/**
 * Rows are added a few thousand at a time (stored files ten): IndexedDB clones each value on the
 * calling thread as it is added, so one call with 100,000 rows would hold that thread for seconds;
 * between batches it answers its messages (in the app the archive worker's: progress, a
 * cancelled read). It is still one transaction.
 */
const BATCH = 2_000;
/**
 * Stored files carry a Blob each, which costs far more to add than a record: making a Blob
 * (a slice included) registers it with the browser, about half a millisecond on a busy machine.
 * So each file gets exactly one Blob, its slice of the archive typed as the file, made in its batch.
 */
const FILE_BATCH = 10;

function fileBlob(archive: ReadArchive, sha256: string, mimeType: string): Blob {
  const bytes = archive.files.get(sha256);
  if (bytes) return bytes.type === mimeType ? bytes : bytes.slice(0, bytes.size, mimeType);
  const range = archive.ranges.get(sha256);
  if (!range || !archive.source) throw new Error(`The bytes of file ${sha256} are missing.`);
  return archive.source.slice(range.start, range.end, mimeType);
}

export type ReplaceProgress = { done: number; total: number; phase: string };

/**
 * A verified backup waiting to replace the database, wherever it was read: `replace` writes it
 * (one transaction, as replaceDatabase) and answers the repairs; `release` lets go of it, used or
 * not.
 */
export type VerifiedBackup = {
  manifest: ArchiveManifest;
  replace(onProgress?: (progress: ReplaceProgress) => void): Promise<string[]>;
  release(): void;
};

/** Rows between two progress reports. */
const PROGRESS_EVERY = 1_000;

/**
 * Replaces the database; answers what had to be repaired on the way in, in words (“Acme v.
 * Widget”: Status: Settled → Closed …): records from an older version obey today's rules.
 */
export async function replaceDatabase(
  db: CasefileDb,
  archive: ReadArchive,
  onProgress?: (progress: ReplaceProgress) => void,
): Promise<string[]> {
  const tables = archiveTableNames.map((name) => tableOf(db, name));
  const repairs: string[] = [];
  const total = archiveTableNames.reduce(
    (sum, name) => sum + (archive.tables[name]?.length ?? 0),
    0,
  );
  let done = 0;
  let reported = 0;
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    for (const name of archiveTableNames) {
      const rows = archive.tables[name] ?? [];
      const size = name === 'files' ? FILE_BATCH : BATCH;
      for (let from = 0; from < rows.length; from += size) {
        if (done - reported >= PROGRESS_EVERY) {
          reported = done;
          onProgress?.({ done, total, phase: 'Writing the case files' });
        }
        const batch = rows.slice(from, from + size);
        done += batch.length;
        if (name === 'files') {
          await db.files.bulkAdd(
            batch.map((row) => {
              const { sha256, mimeType } = row as { sha256: string; mimeType: string };
              return { ...(row as object), blob: fileBlob(archive, sha256, mimeType) };
            }) as never[],
          );
        } else if (name === 'disputes') {
          await db.disputes.bulkAdd(
            (batch as Dispute[]).map((row) => {
              const { dispute, changes } = normaliseDispute(row);
              for (const change of changes) repairs.push(`“${row.title}”: ${change}`);
              return dispute;
            }),
          );
        } else {
          await tableOf(db, name).bulkAdd(batch);
        }
      }
    }
  });
  return repairs;
}

/** A backup read on this thread, to be written through `db`. */
export function verifiedHere(db: CasefileDb, read: ReadArchive): VerifiedBackup {
  return {
    manifest: read.manifest,
    replace: (onProgress) => replaceDatabase(db, read, onProgress),
    release: () => undefined,
  };
}
