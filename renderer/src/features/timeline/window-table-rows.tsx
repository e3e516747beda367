/**
 * A table of a dispute's items (its documents, its deadlines) that draws only the rows in view
 * (ui/use-window-rows.ts) and honours a timeline entry's request to focus one of them: the row
 * asked for is scrolled into the drawn range, then focused once drawn. Spacer rows, hidden from
 * assistive technology, stand for the rows not drawn.
 */
import { useCallback } from 'react';
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
  // The same function while the rows are the same: the virtualizer recomputes every row's place
  // (a key asked of each) whenever it is given a new one, and it was given one on each render,
  // several per opening of a tab of 10,000 filings. `idOf` only reads a row, so the one of the
  // render that made the rows serves as long as they do.
  const getItemKey = useCallback(
    (index: number) => {
      const row = rows[index];
      return row === undefined ? index : idOf(row);
    },
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- idOf is a pure accessor, see above
    [rows],
  );
  const drawn = useWindowRows<HTMLTableSectionElement>({
    count: rows.length,
    estimateSize,
    getItemKey,
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
