/**
 * The archive worker's work, kept apart from the worker's global scope so tests can serve it
 * in-process: opening reads and verifies the whole archive (shared/archive/read-archive.ts) and,
 * for a bundle, checks it as a bundle (features/bundles/read-bundle.ts); what passed is held
 * under a session number until the page has fetched it page by page and closed the session.
 */
import { decryptArchive, readEncryptionHeader } from '../../../shared/archive/encryption';
import { readArchive, type ReadArchive } from '../../../shared/archive/read-archive';
import { CasefileDb } from '../db/casefile-db';
import { replaceDatabase } from '../features/backups/restore-database';
import { readBundle } from '../features/bundles/read-bundle';
import type { RequestContext } from './worker-serve';
import {
  PASSPHRASE_NEEDED,
  type ArchiveAnswer,
  type ArchiveProgress,
  type ArchiveRequest,
  type OpenedArchive,
} from './archive-protocol';

/**
 * Files go back as where they lie in the archive; the page slices its own copy of it. A backup's
 * whole reading is kept, to replace the database from here.
 */
type Session = {
  tables: Record<string, unknown[]>;
  files: [string, number, number][];
  backup?: ReadArchive;
};

function placed(
  hashes: Iterable<string>,
  ranges: Map<string, { start: number; end: number }> | undefined,
): [string, number, number][] {
  return [...hashes].map((sha256) => {
    const range = ranges?.get(sha256);
    if (!range)
      throw new Error(`The place of file ${sha256.slice(0, 12)}… in the archive is unknown.`);
    return [sha256, range.start, range.end];
  });
}

const BACKUP_OFFERED_AS_BUNDLE =
  'This file is a case bundle of one dispute, not a backup. Use “Import case bundle…” instead. Nothing was changed.';

export function createArchiveService() {
  const sessions = new Map<number, Session>();
  let next = 1;

  async function open(
    sent: Blob,
    expect: 'bundle' | 'backup',
    passphrase: string | undefined,
    context: RequestContext<ArchiveProgress>,
  ): Promise<OpenedArchive> {
    let archive = sent;
    let plain: Blob | undefined;
    if (await readEncryptionHeader(sent)) {
      if (passphrase === undefined) throw new Error(PASSPHRASE_NEEDED);
      context.progress({ done: 0, total: 1, phase: 'Opening the encrypted file' });
      plain = await decryptArchive(sent, passphrase, { signal: context.signal });
      archive = plain;
    }
    const onProgress = (progress: ArchiveProgress) => context.progress(progress);
    let session: Session;
    let manifest: OpenedArchive['manifest'];
    if (expect === 'bundle') {
      const bundle = await readBundle(archive, onProgress, context.signal);
      manifest = bundle.manifest;
      session = {
        tables: bundle.records as unknown as Record<string, unknown[]>,
        files: placed(bundle.files.keys(), bundle.ranges),
      };
    } else {
      const read = await readArchive(archive, {
        onProgress,
        signal: context.signal,
        slices: false,
      });
      if (read.manifest.kind !== 'backup') throw new Error(BACKUP_OFFERED_AS_BUNDLE);
      manifest = read.manifest;
      session = {
        tables: read.tables as Record<string, unknown[]>,
        files: placed(read.ranges.keys(), read.ranges),
        backup: read,
      };
    }
    const id = next++;
    sessions.set(id, session);
    const sizes: Record<string, number> = {};
    for (const [table, rows] of Object.entries(session.tables)) sizes[table] = rows.length;
    // The entries' list (one per file, 50,000 in a large backup) was checked here and stays here:
    // receiving it took the window 80 ms of one task.
    return {
      session: id,
      manifest: { ...manifest, entries: [] },
      sizes,
      fileCount: session.files.length,
      // A backup's files are written from here; only a bundle's are sliced by the page.
      plain: expect === 'bundle' ? plain : undefined,
    };
  }

  function held(id: number): Session {
    const session = sessions.get(id);
    if (!session) throw new Error('The archive is no longer open; open it again.');
    return session;
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
      case 'rows':
        return (held(request.session).tables[request.table] ?? []).slice(
          request.from,
          request.from + request.count,
        );
      case 'files':
        return held(request.session).files.slice(request.from, request.from + request.count);
      case 'replace': {
        const backup = held(request.session).backup;
        if (!backup) throw new Error('Only a backup can replace the database.');
        const db = new CasefileDb(request.database);
        try {
          return await replaceDatabase(db, backup, (progress) => context.progress(progress));
        } finally {
          db.close();
        }
      }
      case 'close':
        sessions.delete(request.session);
        return null;
    }
  };
}
