/**
 * What the page asks of the archive worker. An archive is opened (read, verified, and for a
 * bundle checked as a whole) in one request; a bundle's records and files then come back in pages
 * of a few thousand, each its own message, so no single message takes the page long to receive.
 * A backup stays in the worker, which writes it into the database itself when asked (`replace`):
 * making and storing 50,000 file Blobs on the window's thread held it up for half a second at a
 * time.
 */
import type { ArchiveManifest } from '../../../shared/archive/manifest';

export type ArchiveExpected = 'bundle' | 'backup';

export type ArchiveRequest =
  | {
      kind: 'open';
      archive: Blob;
      expect: ArchiveExpected;
      /** For an encrypted archive; without one, opening it is refused with PASSPHRASE_NEEDED. */
      passphrase?: string;
    }
  /** Whether the archive is encrypted, read from its table of contents (true or false). */
  | { kind: 'encrypted'; archive: Blob }
  | { kind: 'rows'; session: number; table: string; from: number; count: number }
  | { kind: 'files'; session: number; from: number; count: number }
  /**
   * Replaces the database named `database` with the backup open in `session`, through the
   * worker's own connection, in one transaction; answers the repairs made (string[]).
   */
  | { kind: 'replace'; session: number; database: string }
  | { kind: 'close'; session: number };

export type OpenedArchive = {
  session: number;
  /** Without its `entries`, which the worker has checked and keeps. */
  manifest: ArchiveManifest;
  /** How many rows each table holds, to be fetched with `rows`. */
  sizes: Record<string, number>;
  fileCount: number;
  /**
   * An encrypted archive's opened plain archive: `files` then answers places in it, not in the
   * archive the page sent.
   */
  plain?: Blob;
};

/** The refusal of an encrypted archive opened without a passphrase; the page then asks for one. */
export const PASSPHRASE_NEEDED =
  'This file is encrypted. Enter its passphrase to open it. Nothing was changed.';

/** `files` answers [sha256, start, end] of each file in the archive the page sent. */
export type ArchiveAnswer = OpenedArchive | unknown[] | [string, number, number][] | boolean | null;

export type ArchiveProgress = { done: number; total: number; phase: string };

/** Rows or files per page: small enough that receiving one never holds up the page. */
export const ARCHIVE_PAGE = 2_000;
