/**
 * "Open with system app" on the desktop. The stored bytes live inside IndexedDB and are never
 * handed to another program: each request writes a temporary copy and opens that. The copy
 * arrives in pieces (streamed-file.ts), so a 2 GB filing never crosses in one message. The copies
 * go in one folder per run, created on first use with owner-only permissions (0700, files 0600)
 * so other users of the machine cannot read privileged filings, and removed when the app quits.
 * A copy still held open by another app (Word or Acrobat on Windows refuse its removal with
 * EBUSY/EPERM) is written down in the data folder and removed at the next start instead.
 * Each copy gets its own subfolder so the viewer shows the document's real file name even when
 * two documents share it.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Shell } from 'electron';
import type { DocumentCopyTicket } from '../../shared/ipc';
import { UserFacingError, type IpcHandlers } from './ipc';
import { createStreamedFiles, type StreamedFilesDeps } from './streamed-file';

export type AttachmentDeps = {
  shell: Pick<Shell, 'openPath'>;
  /** Where the per-run folder is made; the system temp folder unless a test says otherwise. */
  tempRoot?: string;
  openFile?: StreamedFilesDeps['openFile'];
  /** The list (in the data folder) of run folders a quit could not remove. */
  leftoversFile: string;
  /** Removes a folder and what is in it; tests make it fail as Windows does. */
  removeFolder?: (path: string) => Promise<void>;
};

export type DocumentCopyHandlers = Pick<
  IpcHandlers,
  'documents:begin-copy' | 'documents:append-copy' | 'documents:open-copy' | 'documents:abort-copy'
>;

export type AttachmentHandlers = DocumentCopyHandlers & {
  /** Removes the per-run folder and every copy in it; call when the app quits. Never throws. */
  removeTemporaryCopies(): Promise<void>;
  /** Removes what earlier runs could not; call at start. Never throws. */
  removeLeftoverCopies(): Promise<void>;
};

/** The per-run folder's name starts so; only such folders are ever removed from the list. */
const RUN_FOLDER_PREFIX = 'casefile-open-';

/** Characters that are not allowed in file names on Windows, macOS or Linux (and controls). */
const UNSAFE_CHARACTERS = new Set('<>:"/\\|?*');

function isUnsafe(character: string) {
  return character.charCodeAt(0) < 0x20 || UNSAFE_CHARACTERS.has(character);
}

/** A name the system viewer can open on any platform, keeping the extension it recognises. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((character) => (isUnsafe(character) ? '_' : character))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(-200);
  // Windows reserves these names whatever the extension.
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned);
  return cleaned === '' || reserved ? `document-${cleaned || 'copy'}` : cleaned;
}

export function createAttachmentHandlers(deps: AttachmentDeps): AttachmentHandlers {
  let runFolder: Promise<string> | null = null;
  let runFolderPath: string | null = null;
  const removeFolder = deps.removeFolder ?? removeFolderNow;

  const folder = () => {
    runFolder ??= (async () => {
      const created = await mkdtemp(join(deps.tempRoot ?? tmpdir(), RUN_FOLDER_PREFIX));
      await chmod(created, 0o700);
      runFolderPath = created;
      return created;
    })();
    return runFolder;
  };

  const copies = createStreamedFiles({
    notInProgress: 'That copy is no longer being written. Open the document again.',
    describeError: copyError,
    openFile: deps.openFile,
    mode: 0o600,
    // A copy for one run's viewing: nothing to keep through a power cut.
    durable: false,
  });

  return {
    'documents:begin-copy': async ({ fileName }): Promise<DocumentCopyTicket> => {
      const copyFolder = join(await folder(), randomUUID());
      await mkdir(copyFolder, { mode: 0o700 });
      const path = join(copyFolder, safeFileName(fileName));
      return { token: await copies.begin(path, join(copyFolder, `.${randomUUID()}.part`)) };
    },
    'documents:append-copy': ({ token, bytes }) => copies.append(token, bytes),
    'documents:open-copy': async ({ token }) => {
      const { path } = await copies.commit(token);
      const failure = await deps.shell.openPath(path);
      if (failure !== '') {
        throw new UserFacingError(
          `No app on this computer could open “${basename(path)}” (${failure}). Use “Save a copy…” and open it from there.`,
        );
      }
    },
    'documents:abort-copy': ({ token }) => copies.abort(token),
    async removeTemporaryCopies() {
      const path = runFolderPath;
      runFolderPath = null;
      runFolder = null;
      await copies.abortAll().catch((error: unknown) => {
        console.error('Casefile could not cancel a copy being written', error);
      });
      if (path === null) return;
      try {
        await removeFolder(path);
      } catch (error) {
        console.warn(`Casefile will remove ${path} at its next start`, error);
        await writeLeftovers([...(await readLeftovers()), path]);
      }
    },
    async removeLeftoverCopies() {
      const leftovers = await readLeftovers();
      if (leftovers.length === 0) return;
      const stillThere: string[] = [];
      for (const path of leftovers) {
        await removeFolder(path).catch(() => stillThere.push(path));
      }
      await writeLeftovers(stillThere);
    },
  };

  async function readLeftovers(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(deps.leftoversFile, 'utf8'));
      // Only our own run folders: the list must never become a way to delete anything else.
      return Array.isArray(parsed)
        ? parsed.filter(
            (path): path is string =>
              typeof path === 'string' && basename(path).startsWith(RUN_FOLDER_PREFIX),
          )
        : [];
    } catch {
      return [];
    }
  }

  async function writeLeftovers(paths: string[]) {
    try {
      if (paths.length === 0) await rm(deps.leftoversFile, { force: true });
      else await writeFile(deps.leftoversFile, JSON.stringify([...new Set(paths)]));
    } catch (error) {
      console.error('Casefile could not note the temporary copies left behind', error);
    }
  }
}

const removeFolderNow = (path: string) =>
  // Retries ride out a virus scanner's brief hold on Windows; a viewer's lasting hold still fails.
  rm(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });

/** A full disk is the failure a person can act on; anything else goes to the log. */
function copyError(path: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC') {
    return new UserFacingError(
      `The disk is full, so “${basename(path)}” could not be copied to open it. Free some space and try again.`,
    );
  }
  return error;
}
