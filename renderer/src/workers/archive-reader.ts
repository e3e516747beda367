/**
 * The page's side of the archive worker: `openBundle` answers what `readBundle` would, but the
 * reading and checking run in the worker and the results arrive in pages; `openBackup` reads and
 * verifies a backup there and leaves it there, where it later replaces the database. So the
 * window stays responsive however large or hostile the file.
 * Every failure is a refusal in the person's words ending “Nothing was changed.”: the checks'
 * own messages as they are, and a worker that dies or cannot be started in plain words.
 */
import { announceSearchedWrite } from '../db/search-feed';
import type { VerifiedBackup } from '../features/backups/restore-database';
import type { BundleRecords } from '../features/bundles/bundle-content';
import type { OpenedBundle } from '../features/bundles/read-bundle';
import {
  ARCHIVE_PAGE,
  type ArchiveAnswer,
  type ArchiveExpected,
  type ArchiveProgress,
  type ArchiveRequest,
  type OpenedArchive,
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
  openBundle(file: Blob, options?: ReadOptions): Promise<OpenedBundle>;
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
};

type Fetched = {
  manifest: OpenedArchive['manifest'];
  tables: Record<string, unknown[]>;
  /** Where each file lies in `source`. */
  ranges: Map<string, { start: number; end: number }>;
  source: Blob;
};

/**
 * Files sliced at a time when a bundle is opened: a Blob slice costs the window a fraction of a
 * millisecond (it is registered with the browser), so thousands at once would hold it up.
 */
const SLICES_PER_STEP = 100;

async function sliced(fetched: Fetched): Promise<Map<string, Blob>> {
  const files = new Map<string, Blob>();
  let count = 0;
  for (const [sha256, { start, end }] of fetched.ranges) {
    files.set(sha256, fetched.source.slice(start, end));
    count += 1;
    if (count % SLICES_PER_STEP === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return files;
}

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

  async function open(
    archive: Blob,
    expect: ArchiveExpected,
    options: ReadOptions,
  ): Promise<OpenedArchive> {
    try {
      return (await client.request(
        { kind: 'open', archive, expect, passphrase: options.passphrase },
        { onProgress: options.onProgress, signal: options.signal },
      )) as OpenedArchive;
    } catch (error) {
      throw refusal(error);
    }
  }

  function close(session: number): void {
    client.request({ kind: 'close', session }).catch(() => undefined);
  }

  async function fetchAll(archive: Blob, options: ReadOptions): Promise<Fetched> {
    const opened = await open(archive, 'bundle', options);
    const { session } = opened;
    try {
      const tables: Record<string, unknown[]> = {};
      for (const [table, size] of Object.entries(opened.sizes)) {
        const rows: unknown[] = [];
        for (let from = 0; from < size; from += ARCHIVE_PAGE) {
          const page = (await client.request(
            { kind: 'rows', session, table, from, count: ARCHIVE_PAGE },
            { signal: options.signal },
          )) as unknown[];
          for (const row of page) rows.push(row);
        }
        tables[table] = rows;
      }
      const ranges = new Map<string, { start: number; end: number }>();
      for (let from = 0; from < opened.fileCount; from += ARCHIVE_PAGE) {
        const page = (await client.request(
          { kind: 'files', session, from, count: ARCHIVE_PAGE },
          { signal: options.signal },
        )) as [string, number, number][];
        for (const [sha256, first, last] of page) ranges.set(sha256, { start: first, end: last });
      }
      return { manifest: opened.manifest, tables, ranges, source: opened.plain ?? archive };
    } catch (error) {
      throw refusal(error);
    } finally {
      close(session);
    }
  }

  return {
    async isEncrypted(archive) {
      try {
        return (await client.request({ kind: 'encrypted', archive })) === true;
      } catch (error) {
        throw refusal(error);
      }
    },
    async openBundle(file, options = {}) {
      const fetched = await fetchAll(file, options);
      const files = await sliced(fetched);
      return {
        manifest: fetched.manifest,
        records: fetched.tables as unknown as BundleRecords,
        files,
      };
    },
    async openBackup(archive, database, options = {}) {
      const { session, manifest } = await open(archive, 'backup', options);
      return {
        manifest,
        async replace(onProgress) {
          let changed: string[];
          try {
            changed = (await client.request(
              { kind: 'replace', session, database },
              { onProgress },
            )) as string[];
          } catch (error) {
            throw refusal(error);
          }
          // The worker's connection wrote the outbox; this window's index hears of it here.
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
