/**
 * The archive worker's work, kept apart from the worker's global scope so tests can serve it
 * in-process: opening reads and verifies the whole archive (shared/archive/read-archive.ts) and,
 * for a bundle, checks it as a bundle (features/bundles/read-bundle.ts); what passed is held
 * under a session number until the page has it written into the database, through a connection
 * of the worker's own (same middlewares, so the search outbox and the dispute facts' marks are
 * written in the same transaction), and closes the session.
 */
import { openSealedArchive, readEncryptionHeader } from '../../../shared/archive/encryption';
import type { ArchiveEntrySource } from '../../../shared/archive/entry-source';
import { readArchive, type ReadArchive } from '../../../shared/archive/read-archive';
import { CasefileDb } from '../db/casefile-db';
import { replaceDatabase } from '../features/backups/restore-database';
import { bundleOutlook, importBundle } from '../features/bundles/import-bundle';
import { readBundle, type OpenedBundle } from '../features/bundles/read-bundle';
import { summariseBackup } from '../../../shared/archive/backup-summary';
import type { RequestContext } from './worker-serve';
import {
  PASSPHRASE_NEEDED,
  type ArchiveAnswer,
  type ArchiveProgress,
  type ArchiveRequest,
  type OpenedArchive,
} from './archive-protocol';

/** What passed the checks: a bundle's content, or a backup's whole reading. */
type Session = { bundle: OpenedBundle } | { backup: ReadArchive };

const BACKUP_OFFERED_AS_BUNDLE =
  'This file is a case bundle of one dispute, not a backup. Use “Import case bundle…” instead. Nothing was changed.';

function gone(): never {
  throw new Error('The archive is no longer open; open it again.');
}

/** Runs `work` on a connection of this worker's own to the database named `name`. */
async function withDatabase<T>(name: string, work: (db: CasefileDb) => Promise<T>): Promise<T> {
  const db = new CasefileDb(name);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export function createArchiveService() {
  const sessions = new Map<number, Session>();
  let next = 1;

  async function open(
    sent: Blob,
    expect: 'bundle' | 'backup',
    passphrase: string | undefined,
    context: RequestContext<ArchiveProgress>,
  ): Promise<OpenedArchive> {
    let archive: Blob | ArchiveEntrySource = sent;
    if (await readEncryptionHeader(sent)) {
      if (passphrase === undefined) throw new Error(PASSPHRASE_NEEDED);
      context.progress({ done: 0, total: 1, phase: 'Opening the encrypted file' });
      // Its entries are opened one at a time as they are checked: no plain copy is written first.
      archive = await openSealedArchive(sent, passphrase, { signal: context.signal });
    }
    const onProgress = (progress: ArchiveProgress) => context.progress(progress);
    let session: Session;
    let manifest: OpenedArchive['manifest'];
    if (expect === 'bundle') {
      const bundle = await readBundle(archive, onProgress, context.signal);
      manifest = bundle.manifest;
      session = { bundle };
    } else {
      const read = await readArchive(archive, {
        onProgress,
        signal: context.signal,
        slices: false,
      });
      if (read.manifest.kind !== 'backup') throw new Error(BACKUP_OFFERED_AS_BUNDLE);
      manifest = read.manifest;
      session = { backup: read };
    }
    const id = next++;
    sessions.set(id, session);
    // The entries' list (one per file, 50,000 in a large backup) was checked here and stays here:
    // receiving it took the window 80 ms of one task.
    return { session: id, manifest: { ...manifest, entries: [] } };
  }

  function heldBundle(id: number): OpenedBundle {
    const held = sessions.get(id) ?? gone();
    if (!('bundle' in held)) throw new Error('Only a case bundle can be imported.');
    return held.bundle;
  }

  return async (
    request: ArchiveRequest,
    context: RequestContext<ArchiveProgress>,
  ): Promise<ArchiveAnswer> => {
    switch (request.kind) {
      case 'open':
        return open(request.archive, request.expect, request.passphrase, context);
      case 'encrypted':
        return (await readEncryptionHeader(request.archive)) !== null;
      case 'outlook':
        return withDatabase(request.database, (db) =>
          bundleOutlook(db, heldBundle(request.session)),
        );
      case 'import':
        return withDatabase(request.database, (db) =>
          importBundle(db, heldBundle(request.session), request.choice, {
            onProgress: (progress) => context.progress(progress),
            signal: context.signal,
          }),
        );
      case 'replace': {
        const held = sessions.get(request.session) ?? gone();
        if (!('backup' in held)) throw new Error('Only a backup can replace the database.');
        return withDatabase(request.database, (db) =>
          replaceDatabase(db, held.backup, (progress) => context.progress(progress)),
        );
      }
      case 'summarise':
        return Promise.all(request.backups.map(({ name, file }) => summariseBackup(name, file)));
      case 'close':
        sessions.delete(request.session);
        return null;
    }
  };
}
