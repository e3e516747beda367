/**
 * A long list inside the page that draws only the items in view as the window scrolls (a dispute's
 * documents, its notes). The list keeps its place in the page's flow: spacers above and below the
 * drawn items stand for the rest, so the page scrolls as if every item were there and whatever
 * follows the list stays below it. Items may differ in height; each drawn one is measured.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export function useWindowRows<E extends HTMLElement>({
  count,
  estimateSize,
  getItemKey,
  overscan = 10,
  focusIndex = -1,
}: {
  count: number;
  /** A typical item's height in pixels, before it is measured. */
  estimateSize: number;
  getItemKey: (index: number) => string | number;
  overscan?: number;
  /**
   * The item a click elsewhere asked to focus (focus-request.ts), or -1: it is scrolled into the
   * drawn range, so that the request can then find its element.
   */
  focusIndex?: number;
}) {
  /** The element the items start in (a table body, a list): where the list begins on the page. */
  const startRef = useRef<E>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the items start on the page moves when anything above them changes height.
  useLayoutEffect(() => {
    const start = startRef.current;
    if (!start) return;
    const measure = () => setScrollMargin(start.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // oxlint-disable-next-line react/incompatible-library -- its functions change identity each render; nothing here memoises them
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimateSize,
    overscan,
    scrollMargin,
    getItemKey,
  });
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'center' });
    // Only a new request scrolls; the virtualizer's identity is stable.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [focusIndex]);
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    startRef,
    virtualizer,
    items,
    paddingTop: first ? first.start - scrollMargin : 0,
    paddingBottom: last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0,
  };
}
