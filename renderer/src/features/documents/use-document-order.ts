/**
 * The Documents tab's rows in the order the person chose. The rows arrive in the default order
 * (documentRowsQuery); another order is sorted a slice at a time, off the render, and until it is
 * ready the rows keep the order they are in. A short list is sorted in the render itself: it
 * costs less than the extra frame, and the table does not change order under the person's eyes.
 */
import { useEffect, useMemo, useState } from 'react';
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
): DocumentRow[] | undefined {
  const inRender = rows !== undefined && rows.length <= SORT_IN_RENDER;
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
    void orderDocumentRows(rows, sort, controller.signal).then(
      (result) => setOrdered({ from: rows, sort, rows: result }),
      (error: unknown) => {
        // Only an abandoned order stops early; anything else is a bug worth seeing.
        if (!controller.signal.aborted) throw error;
      },
    );
    return () => controller.abort();
  }, [rows, inRender, sort]);
  if (!rows || sort === DEFAULT_DOCUMENT_SORT) return rows;
  if (sortedNow) return sortedNow;
  return ordered?.from === rows && ordered.sort === sort ? ordered.rows : rows;
}
