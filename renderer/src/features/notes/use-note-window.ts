/**
 * The notes a virtualised Notes tab needs now: the drawn range, widened to whole blocks so that
 * scrolling a few cards reads nothing new, read from the date index (note-window.ts) and kept
 * current as notes change. While the next range is read the last one stays, so cards already on
 * screen do not blink out.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { notePosition, readNoteWindow } from './note-window';
import { withDocuments, type NoteView } from './note-queries';

const BLOCK = 20;

type Loaded = { disputeId: string; from: number; notes: NoteView[] };

/** `first` and `last` are the drawn indexes; null reads nothing (the whole list is given). */
export function useNoteWindow(
  disputeId: string,
  range: { first: number; last: number } | null,
): (index: number) => NoteView | undefined {
  const from = range ? Math.floor(range.first / BLOCK) * BLOCK : 0;
  const to = range ? (Math.floor(range.last / BLOCK) + 1) * BLOCK : 0;
  const loaded = useLiveQuery(
    async (): Promise<Loaded | null> =>
      range
        ? {
            disputeId,
            from,
            notes: await withDocuments(
              db,
              disputeId,
              await readNoteWindow(db, disputeId, from, to),
            ),
          }
        : null,
    [disputeId, range !== null, from, to],
  );
  return (index) =>
    loaded && loaded.disputeId === disputeId && index >= loaded.from
      ? loaded.notes[index - loaded.from]
      : undefined;
}

/** Where the note a click asked to focus stands in the tab's order; -1 while unknown or none. */
export function useNotePosition(disputeId: string, noteId: string | null): number {
  return (
    useLiveQuery(
      async () => (noteId === null ? -1 : notePosition(db, disputeId, noteId)),
      [disputeId, noteId],
    ) ?? -1
  );
}
