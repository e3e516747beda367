/**
 * "Open with system app" on the desktop. The stored bytes live inside IndexedDB and are never
 * handed to another program: each request writes a temporary copy and opens that. The copy
 * arrives in pieces (streamed-file.ts), so a 2 GB filing never crosses in one message. The copies
 * go in one folder per run, created on first use with owner-only permissions (0700, files 0600)
 * so other users of the machine cannot read privileged filings, and removed when the app quits.
 * Each copy gets its own subfolder so the viewer shows the document's real file name even when
 * two documents share it.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { rmSync } from 'node:fs';
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
};

export type DocumentCopyHandlers = Pick<
  IpcHandlers,
  'documents:begin-copy' | 'documents:append-copy' | 'documents:open-copy' | 'documents:abort-copy'
>;

export type AttachmentHandlers = DocumentCopyHandlers & {
  /** Removes the per-run folder and every copy in it; call when the app quits. */
  removeTemporaryCopies(): void;
};

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

  const folder = () => {
    runFolder ??= (async () => {
      const created = await mkdtemp(join(deps.tempRoot ?? tmpdir(), 'casefile-open-'));
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
    removeTemporaryCopies() {
      void copies.abortAll();
      if (runFolderPath) rmSync(runFolderPath, { recursive: true, force: true });
      runFolderPath = null;
      runFolder = null;
    },
  };
}

/** A full disk is the failure a person can act on; anything else goes to the log. */
function copyError(path: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC') {
    return new UserFacingError(
      `The disk is full, so “${basename(path)}” could not be copied to open it. Free some space and try again.`,
    );
  }
  return error;
}
