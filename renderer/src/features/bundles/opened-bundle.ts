/**
 * A `.casefile` bundle opened with Casefile (double-click, or given to the app on the desktop):
 * the main process holds its path; this takes it and reads its bytes in pieces into a File, which
 * the import dialog then checks exactly as if the person had chosen it there.
 */
import { READ_OPENED_MAX_BYTES } from '../../../../shared/ipc';
import { host } from '../../host/host';

/** The next bundle opened with Casefile, or null when there is none. */
export async function takeOpenedBundle(): Promise<File | null> {
  const opened = await host.takeOpenedBundle({});
  if (opened === null) return null;
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0; offset < opened.size;) {
    const piece = await host.readOpenedBundle({
      token: opened.token,
      offset,
      length: Math.min(READ_OPENED_MAX_BYTES, opened.size - offset),
    });
    // The file shrank while being read: what was read is checked (and refused) as a whole.
    if (piece.byteLength === 0) break;
    pieces.push(new Uint8Array(piece));
    offset += piece.byteLength;
  }
  return new File(pieces, opened.name, { type: 'application/zip' });
}
