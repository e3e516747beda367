/**
 * Saving something produced piece by piece (a case bundle, a stored document's copy) without ever
 * holding it whole: the host asks where first, then takes the pieces in batches of a few megabytes,
 * and puts the file in place only once it is complete. Any failure aborts the save, so nothing
 * partial is left where the person asked for the file.
 */
import type { SaveFileResult, SaveTicket } from '../../../shared/ipc';
import { batched } from './batched';
import { host } from './host';

/** What a streamed save needs of the host (the `host` wrapper, or a fake in tests). */
export type SaveTarget = {
  beginSave(args: { suggestedName: string; filters?: FileFilter[] }): Promise<SaveTicket>;
  appendSave(args: { token: string; bytes: Uint8Array<ArrayBuffer> }): Promise<void>;
  commitSave(args: { token: string }): Promise<SaveFileResult>;
  abortSave(args: { token: string }): Promise<void>;
};

type FileFilter = { name: string; extensions: string[] };

/**
 * Asks where to save `suggestedName`, then runs `produce`, which writes the file's bytes in order.
 * Answers `{ saved: false }` without running it when the person cancels the save dialog.
 */
export async function saveStreamed(
  file: { suggestedName: string; filters?: FileFilter[] },
  produce: (write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
  target: SaveTarget = host,
): Promise<SaveFileResult> {
  const ticket = await target.beginSave(file);
  if (!ticket.started) return { saved: false };
  const { token } = ticket;
  const out = batched((bytes) => target.appendSave({ token, bytes }));
  try {
    await produce(out.write);
    await out.flush();
    return await target.commitSave({ token });
  } catch (error) {
    await target.abortSave({ token }).catch(() => undefined);
    throw error;
  }
}
