/**
 * The Documents tab's rows in the order the person chose. The rows arrive in the default order
 * (documentRowsQuery); another order is sorted a slice at a time, off the render. A short list is
 * sorted in the render itself: it costs less than the extra frame, and the table does not change
 * order under the person's eyes. While a long list is sorted anew after a change (an edit, a
 * filing attached), the order already made is kept, each row in it replaced by its new version, so
 * the table does not flash back to the default order; until the first order is ready the rows
 * keep the order they came in.
 */
import { useEffect, useMemo, useState } from 'react';
import { reportError } from '../../ui/zod-form';
import {
  compareDocumentRows,
  DEFAULT_DOCUMENT_SORT,
  orderDocumentRows,
  type DocumentRow,
  type DocumentSort,
} from './document-list';

/** Rows sorted in the render at most (a few milliseconds with the collator). */
const SORT_IN_RENDER = 2_000;

type Ordered = { from: DocumentRow[]; sort: DocumentSort; rows: DocumentRow[] };

export function useDocumentOrder(
  rows: DocumentRow[] | undefined,
  sort: DocumentSort,
  sortInRenderUpTo = SORT_IN_RENDER,
): DocumentRow[] | undefined {
  const inRender = rows !== undefined && rows.length <= sortInRenderUpTo;
  const sortedNow = useMemo(
    () =>
      rows && inRender && sort !== DEFAULT_DOCUMENT_SORT
        ? rows.slice().sort(compareDocumentRows(sort))
        : undefined,
    [rows, inRender, sort],
  );
  const [ordered, setOrdered] = useState<Ordered | null>(null);
  useEffect(() => {
    if (!rows || inRender || sort === DEFAULT_DOCUMENT_SORT) return;
    const controller = new AbortController();
    orderDocumentRows(rows, sort, controller.signal).then(
      (result) => setOrdered({ from: rows, sort, rows: result }),
      (error: unknown) => {
        // Only an abandoned order stops early. Anything else is a bug: the person is told, and
        // the rows stay in the order they came (it was an unhandled rejection, seen by no one).
        if (!controller.signal.aborted) reportError(error, 'The documents could not be sorted');
      },
    );
    return () => controller.abort();
  }, [rows, inRender, sort]);
  const carried = useMemo(
    () =>
      rows && ordered && ordered.sort === sort && ordered.from !== rows
        ? carryOrder(ordered.rows, rows)
        : undefined,
    [rows, ordered, sort],
  );
  if (!rows || sort === DEFAULT_DOCUMENT_SORT) return rows;
  if (sortedNow) return sortedNow;
  if (ordered?.from === rows && ordered.sort === sort) return ordered.rows;
  return carried ?? rows;
}

/**
 * `rows` in the order `before` had them, matched by document id: rows no longer there are left
 * out, and rows new since are put after the others, in the order they came.
 */
export function carryOrder(before: readonly DocumentRow[], rows: readonly DocumentRow[]) {
  const now = new Map(rows.map((row) => [row.document.id, row]));
  const carried: DocumentRow[] = [];
  for (const { document } of before) {
    const row = now.get(document.id);
    if (row === undefined) continue;
    carried.push(row);
    now.delete(document.id);
  }
  carried.push(...now.values());
  return carried;
}
