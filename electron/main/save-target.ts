/**
 * Choosing and writing a save target: the one place where Casefile asks the person where a file
 * goes (a PDF, an export, a streamed bundle) and turns a failed write into words they can act on.
 * Every "Save…" in the main process goes through here, so the dialog's owner window, its default
 * folder and the messages for a full disk or a read-only folder are the same everywhere.
 */
import { basename, join } from 'node:path';
import type { BaseWindow, Dialog, FileFilter } from 'electron';
import { UserFacingError } from './ipc';

export type SaveTargetDeps = {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Where the dialog opens, with the suggested name already filled in. */
  downloadsDir: string;
  /** The window the dialog belongs to, if one is open. */
  getMainWindow(): BaseWindow | null;
};

export type SaveRequest = { suggestedName: string; filters?: FileFilter[] | undefined };

/** Asks where to save; answers the chosen path, or undefined when the person cancelled. */
export async function chooseSaveTarget(
  deps: SaveTargetDeps,
  { suggestedName, filters }: SaveRequest,
): Promise<string | undefined> {
  const options = {
    defaultPath: join(deps.downloadsDir, suggestedName),
    ...(filters === undefined ? {} : { filters }),
  };
  const window = deps.getMainWindow();
  const choice = window
    ? await deps.dialog.showSaveDialog(window, options)
    : await deps.dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? undefined : choice.filePath;
}

/** Writes `bytes` to `path` with `write` (atomic), saying in the person's words why it failed. */
export async function writeSaveTarget(
  path: string,
  bytes: Uint8Array,
  write: (path: string, bytes: Uint8Array) => Promise<void>,
) {
  try {
    await write(path, bytes);
  } catch (error) {
    throw saveError(path, error);
  }
}

/** The reasons a save fails that a person can act on; anything else goes to the log. */
export function saveError(path: string, error: unknown) {
  const name = basename(path);
  const nothingChanged = 'Nothing was changed on disk.';
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return new UserFacingError(
        `Casefile is not allowed to write “${name}” there. Choose another folder. ${nothingChanged}`,
      );
    case 'ENOSPC':
      return new UserFacingError(
        `The disk is full, so “${name}” was not saved. Free some space or choose another disk. ${nothingChanged}`,
      );
    case 'EROFS':
      return new UserFacingError(
        `That folder is read-only, so “${name}” was not saved. Choose another folder.`,
      );
    case 'ENOENT':
      return new UserFacingError(
        `The folder chosen for “${name}” is no longer there. Choose another folder. ${nothingChanged}`,
      );
    case 'EISDIR':
      return new UserFacingError(
        `There is a folder called “${name}” there. Choose another name. ${nothingChanged}`,
      );
    default:
      return error;
  }
}
