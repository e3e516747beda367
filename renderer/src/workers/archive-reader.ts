/**
 * The page's side of the archive worker: `openBundle` reads and checks a bundle there and leaves
 * it there, where it is later imported; `openBackup` does the same for a backup, which later
 * replaces the database; `summarise` reads what a backups list says of each backup. So the window
 * stays responsive however large or hostile the file: only the manifest, a few counts and
 * progress cross to it.
 * Every failure is a refusal in the person's words ending “Nothing was changed.”: the checks'
 * own messages as they are, and a worker that dies or cannot be started in plain words.
 */
import type { BackupSummary } from '../../../shared/backups';
import { announceSearchedWrite } from '../db/search-feed';
import type { VerifiedBackup } from '../features/backups/restore-database';
import type { ImportResult, VerifiedBundle } from '../features/bundles/import-bundle';
import type {
  ArchiveAnswer,
  ArchiveExpected,
  ArchiveProgress,
  ArchiveRequest,
  BundleOutlook,
  OpenedArchive,
} from './archive-protocol';
import {
  createWorkerClient,
  WorkerClientError,
  type WorkerClient,
  type WorkerLike,
} from './worker-client';

type Client = WorkerClient<ArchiveRequest, ArchiveAnswer, ArchiveProgress>;

export type ReadOptions = {
  onProgress?: (progress: ArchiveProgress) => void;
  signal?: AbortSignal;
  /** For an encrypted archive; without it one is refused with PASSPHRASE_NEEDED. */
  passphrase?: string;
};

export type ArchiveReader = {
  /**
   * Reads and checks a bundle in the worker, and says what importing it into the database named
   * `database` would do; its `import` writes it there from the worker, in one transaction.
   */
  openBundle(file: Blob, database: string, options?: ReadOptions): Promise<VerifiedBundle>;
  /**
   * Reads and verifies a backup in the worker; its `replace` writes it into the database named
   * `database` from the worker, in one transaction.
   */
  openBackup(archive: Blob, database: string, options?: ReadOptions): Promise<VerifiedBackup>;
  /**
   * Whether an archive is encrypted (so its passphrase is asked before anything else): reading
   * the table of contents of 50,000 entries takes a third of a second, so it is the worker's.
   */
  isEncrypted(archive: Blob): Promise<boolean>;
  /** What a backups list says of each backup file (shared/archive/backup-summary.ts). */
  summarise(backups: { name: string; file: Blob }[]): Promise<BackupSummary[]>;
};

function refusal(error: unknown): Error {
  if (error instanceof WorkerClientError && error.reason === 'rejected') {
    return new Error(error.message);
  }
  if (error instanceof WorkerClientError && error.reason === 'cancelled') return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message.replace(/\s*Try again\.$/, '')} Nothing was changed.`);
}

export function createArchiveReader(start: () => WorkerLike): ArchiveReader {
  const client: Client = createWorkerClient({ start, label: 'the archive checker' });

  /** One request of the worker; its failure is a refusal in the person's words. */
  async function ask(request: ArchiveRequest, options: Parameters<Client['request']>[1] = {}) {
    try {
      return await client.request(request, options);
    } catch (error) {
      throw refusal(error);
    }
  }

  async function open(
    archive: Blob,
    expect: ArchiveExpected,
    { passphrase, onProgress, signal }: ReadOptions,
  ): Promise<OpenedArchive> {
    return (await ask(
      { kind: 'open', archive, expect, passphrase },
      { onProgress, signal },
    )) as OpenedArchive;
  }

  function close(session: number): void {
    client.request({ kind: 'close', session }).catch(() => undefined);
  }

  return {
    async isEncrypted(archive) {
      return (await ask({ kind: 'encrypted', archive })) === true;
    },
    async summarise(backups) {
      return (await ask({ kind: 'summarise', backups })) as BackupSummary[];
    },
    async openBundle(file, database, options = {}) {
      const { session, manifest } = await open(file, 'bundle', options);
      let outlook: BundleOutlook;
      try {
        outlook = (await ask(
          { kind: 'outlook', session, database },
          { signal: options.signal },
        )) as BundleOutlook;
      } catch (error) {
        close(session);
        throw error;
      }
      return {
        manifest,
        ...outlook,
        async import(choice, { onProgress, signal } = {}) {
          const result = (await ask(
            { kind: 'import', session, database, choice },
            { onProgress, signal },
          )) as ImportResult;
          // The worker's connection wrote the outbox; this window's index hears of it here.
          announceSearchedWrite();
          return result;
        },
        release: () => close(session),
      };
    },
    async openBackup(archive, database, options = {}) {
      const { session, manifest } = await open(archive, 'backup', options);
      return {
        manifest,
        async replace(onProgress) {
          const changed = (await ask(
            { kind: 'replace', session, database },
            { onProgress },
          )) as string[];
          announceSearchedWrite();
          return changed;
        },
        release: () => close(session),
      };
    },
  };
}

let shared: ArchiveReader | null = null;

/** The app's one archive worker, started on first use. */
export function archiveReader(): ArchiveReader {
  shared ??= createArchiveReader(
    () =>
      new Worker(new URL('./archive.worker.ts', import.meta.url), {
        type: 'module',
        name: 'casefile-archive',
      }),
  );
  return shared;
}
