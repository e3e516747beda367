/**
 * "Open with system app" on the desktop. The stored bytes live inside IndexedDB and are never
 * handed to another program: each request writes a temporary copy and opens that. The copies go
 * in one folder per run, created on first use with owner-only permissions (0700, files 0600) so
 * other users of the machine cannot read privileged filings, and removed when the app quits.
 * Each copy gets its own subfolder so the viewer shows the document's real file name even when
 * two documents share it.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Shell } from 'electron';
import { UserFacingError, type IpcHandlers } from './ipc';

export type AttachmentDeps = {
  shell: Pick<Shell, 'openPath'>;
  /** Where the per-run folder is made; the system temp folder unless a test says otherwise. */
  tempRoot?: string;
};

export type AttachmentHandlers = Pick<IpcHandlers, 'documents:open-copy'> & {
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

  return {
    'documents:open-copy': async ({ fileName, bytes }) => {
      const copyFolder = join(await folder(), randomUUID());
      await mkdir(copyFolder, { mode: 0o700 });
      const path = join(copyFolder, safeFileName(fileName));
      await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
      const failure = await deps.shell.openPath(path);
      if (failure !== '') {
        throw new UserFacingError(
          `No app on this computer could open “${fileName}” (${failure}). Use “Save a copy…” and open it from there.`,
        );
      }
    },
    removeTemporaryCopies() {
      if (runFolderPath) rmSync(runFolderPath, { recursive: true, force: true });
      runFolderPath = null;
      runFolder = null;
    },
  };
}
