/**
 * What the page asks of the archive worker. An archive is opened (read, verified, and for a
 * bundle checked as a whole) in one request and stays in the worker under a session number; the
 * worker then writes it into the database itself when asked, through its own connection: a backup
 * replaces the database (`replace`), a bundle is imported (`import`). Making and storing 50,000
 * file Blobs on the window's thread held it up for half a second at a time; now only a few words
 * and the progress cross.
 */
import type { ArchiveManifest } from '../../../shared/archive/manifest';
import type { BackupSummary } from '../../../shared/backups';
import type { ImportChoice, ImportResult, VerifiedBundle } from '../features/bundles/import-bundle';

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
  /**
   * What the bundle open in `session` would do to the database named `database` (BundleOutlook):
   * whether its dispute is on file, and what an update would add, change and keep.
   */
  | { kind: 'outlook'; session: number; database: string }
  /** Imports the bundle open in `session` into `database`, in one transaction (ImportResult). */
  | { kind: 'import'; session: number; database: string; choice?: ImportChoice }
  /**
   * Replaces the database named `database` with the backup open in `session`, through the
   * worker's own connection, in one transaction; answers the repairs made (string[]).
   */
  | { kind: 'replace'; session: number; database: string }
  /** What a backups list says of each file (BackupSummary[]), read here, not on the window. */
  | { kind: 'summarise'; backups: { name: string; file: Blob }[] }
  | { kind: 'close'; session: number };

export type OpenedArchive = {
  session: number;
  /** Without its `entries`, which the worker has checked and keeps. */
  manifest: ArchiveManifest;
};

export type BundleOutlook = Pick<VerifiedBundle, 'dispute' | 'alreadyOnFile' | 'plan'>;

/** The refusal of an encrypted archive opened without a passphrase; the page then asks for one. */
export const PASSPHRASE_NEEDED =
  'This file is encrypted. Enter its passphrase to open it. Nothing was changed.';

export type ArchiveAnswer =
  OpenedArchive | BundleOutlook | ImportResult | BackupSummary[] | string[] | boolean | null;

export type ArchiveProgress = { done: number; total: number; phase: string };
