/**
 * A dispute's notes, drawing only the cards in view: a long-running matter holds thousands, and
 * each card renders its Markdown, so only the notes on screen (and a few either side) pay for it.
 * Unfiltered, the list reads only those notes too (use-note-window.ts), knowing the rest by their
 * count; a filter gives the matching notes whole. The cards differ in height; each drawn one is
 * measured, and a card still being read holds a typical card's place. The list redraws each time it
 * measures a card; a card whose note has not changed is not drawn again (NoteCard is memoised).
 */
import { useStableHandler } from '../../ui/use-stable-handler';
import { useWindowRows } from '../../ui/use-window-rows';
import { pendingFocus, useFocusRequest } from '../timeline/focus-request';
import { NoteCard } from './NoteCard';
import type { NoteView } from './note-queries';
import { useNotePosition, useNoteWindow } from './use-note-window';

const CARD_ESTIMATE_PX = 180;

export function NoteList({
  disputeId,
  count,
  notes,
  onEdit,
  onDelete,
}: {
  disputeId: string;
  count: number;
  /** Every note to list when a filter chose them; otherwise they are read as they come in view. */
  notes: NoteView[] | null;
  onEdit: (note: NoteView) => void;
  onDelete: (note: NoteView) => void;
}) {
  const focusId = pendingFocus();
  const focusPosition = useNotePosition(disputeId, notes === null ? focusId : null);
  const { startRef, items, virtualizer, paddingTop, paddingBottom } = useWindowRows<HTMLDivElement>(
    {
      count: notes?.length ?? count,
      estimateSize: CARD_ESTIMATE_PX,
      getItemKey: (index) => index,
      // Two cards either side of those in view: each drawn card renders its Markdown, and the
      // tab's first opening draws them all at once.
      overscan: 2,
      focusIndex:
        focusId === null
          ? -1
          : notes === null
            ? focusPosition
            : notes.findIndex((n) => n.id === focusId),
    },
  );
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const windowNote = useNoteWindow(disputeId, notes === null ? { first, last } : null);
  const edit = useStableHandler(onEdit);
  const remove = useStableHandler(onDelete);
  const noteAt = (index: number) => (notes === null ? windowNote(index) : notes[index]);
  // Here, not in the section: scrolling redraws this list alone, and the note asked for may only
  // then be drawn.
  useFocusRequest(true);
  return (
    <div ref={startRef} style={{ paddingTop, paddingBottom }}>
      {items.map((item) => {
        const note = noteAt(item.index);
        return (
          // The gap is inside the measured box, so the measured height includes it.
          <div
            key={note?.id ?? `reading-${item.index}`}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ paddingBottom: 'var(--mantine-spacing-md)' }}
          >
            {note ? (
              <NoteCard note={note} onEdit={edit} onDelete={remove} />
            ) : (
              <div style={{ height: CARD_ESTIMATE_PX }} />
            )}
          </div>
        );
      })}
    </div>
  );
}
