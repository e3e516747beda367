/**
 * A table of a dispute's items (its documents, its deadlines) that draws only the rows in view
 * (ui/use-window-rows.ts) and honours a timeline entry's request to focus one of them: the row
 * asked for is scrolled into the drawn range, then focused once drawn. Spacer rows, hidden from
 * assistive technology, stand for the rows not drawn.
 */
import { useWindowRows } from '../../ui/use-window-rows';
import { pendingFocus, useFocusRequest } from './focus-request';

export function useWindowTableRows<R>({
  rows,
  idOf,
  estimateSize,
}: {
  rows: readonly R[];
  /** The item's id, as `itemElementId` names its row. */
  idOf: (row: R) => string;
  /** A typical row's height in pixels, before it is measured. */
  estimateSize: number;
}) {
  const focusId = pendingFocus();
  const drawn = useWindowRows<HTMLTableSectionElement>({
    count: rows.length,
    estimateSize,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : idOf(row);
    },
    // Five rows either side are a quarter of a screen: enough for scrolling by keyboard or
    // wheel, and each row drawn ahead is paid for when the tab opens.
    overscan: 5,
    focusIndex: focusId === null ? -1 : rows.findIndex((row) => idOf(row) === focusId),
  });
  // Here, in the table, not in its tab: scrolling redraws the table alone, and the row asked for
  // may only then be drawn.
  useFocusRequest(true);
  return drawn;
}

/** Stands for the rows not drawn above or below those in view. */
export function SpacerRow({ height }: { height: number }) {
  return height > 0 ? <tr aria-hidden="true" style={{ height }} /> : null;
}
