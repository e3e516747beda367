/**
 * Saving a file too large for one message where the person chooses (a case bundle, a copy of a
 * stored document): the save dialog first, then the bytes stream into a temporary file beside the
 * chosen path, which replaces it only once whole (streamed-file.ts). Memory holds one piece at a
 * time, however large the file.
 */
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { SaveTicket } from '../../shared/ipc';
import type { IpcHandlers } from './ipc';
import { chooseSaveTarget, saveError, type SaveTargetDeps } from './save-target';
import { createStreamedFiles, type StreamedFilesDeps } from './streamed-file';

export type SaveStreamHandlers = Pick<
  IpcHandlers,
  'files:begin-save' | 'files:append-save' | 'files:commit-save' | 'files:abort-save'
>;

export type SaveStreamDeps = SaveTargetDeps & {
  openFile?: StreamedFilesDeps['openFile'];
};

export function createSaveStream(deps: SaveStreamDeps) {
  const files = createStreamedFiles({
    notInProgress: 'That save is no longer in progress. Save the file again.',
    describeError: saveError,
    openFile: deps.openFile,
  });

  const handlers: SaveStreamHandlers = {
    'files:begin-save': async ({ suggestedName, filters }): Promise<SaveTicket> => {
      const path = await chooseSaveTarget(deps, { suggestedName, filters });
      if (path === undefined) return { started: false };
      // Hidden and unique, beside the target so that the final rename stays on one disk.
      const tempPath = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
      return { started: true, token: await files.begin(path, tempPath), path };
    },
    'files:append-save': ({ token, bytes }) => files.append(token, bytes),
    'files:commit-save': async ({ token }) => ({
      saved: true,
      path: (await files.commit(token)).path,
    }),
    'files:abort-save': ({ token }) => files.abort(token),
  };

  return { handlers, abortAll: () => files.abortAll() };
}

export type SaveStream = ReturnType<typeof createSaveStream>;
