/**
 * A dispute's notes, drawing only the cards in view: a long-running matter holds thousands, and
 * each card renders its Markdown, so only the notes on screen (and a few either side) pay for it.
 * The cards differ in height; each drawn one is measured.
 */
import { useWindowRows } from '../../ui/use-window-rows';
import { pendingFocus, useFocusRequest } from '../timeline/focus-request';
import { NoteCard } from './NoteCard';
import type { NoteView } from './note-queries';

const CARD_ESTIMATE_PX = 180;

export function NoteList({
  notes,
  onEdit,
  onDelete,
}: {
  notes: NoteView[];
  onEdit: (note: NoteView) => void;
  onDelete: (note: NoteView) => void;
}) {
  const focusId = pendingFocus();
  const { startRef, items, virtualizer, paddingTop, paddingBottom } = useWindowRows<HTMLDivElement>(
    {
      count: notes.length,
      estimateSize: CARD_ESTIMATE_PX,
      getItemKey: (index) => notes[index]?.id ?? index,
      overscan: 5,
      focusIndex: focusId === null ? -1 : notes.findIndex((n) => n.id === focusId),
    },
  );
  // Here, not in the section: scrolling redraws this list alone, and the note asked for may only
  // then be drawn.
  useFocusRequest(true);
  return (
    <div ref={startRef} style={{ paddingTop, paddingBottom }}>
      {items.map((item) => {
        const note = notes[item.index]!;
        return (
          // The gap is inside the measured box, so the measured height includes it.
          <div
            key={note.id}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ paddingBottom: 'var(--mantine-spacing-md)' }}
          >
            <NoteCard note={note} onEdit={() => onEdit(note)} onDelete={() => onDelete(note)} />
          </div>
        );
      })}
    </div>
  );
}
