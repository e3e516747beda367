/**
 * A long list inside the page that draws only the items in view as the window scrolls (a dispute's
 * documents, its notes). The list keeps its place in the page's flow: spacers above and below the
 * drawn items stand for the rest, so the page scrolls as if every item were there and whatever
 * follows the list stays below it. Items may differ in height; each drawn one is measured, after
 * the browser lays it out (measureAfterLayout).
 */
import { useWindowVirtualizer, windowScroll, type Virtualizer } from '@tanstack/react-virtual';
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
  // Where the items start on the page moves when anything above them changes height. It is read
  // when the observer reports, after the browser has laid the page out (the first report comes
  // once observing begins), not here: reading a place here makes the browser lay out the page
  // just drawn inside the render that drew it. Until then the list is placed as if it began at
  // the top of the page, which draws a few more items, not fewer.
  useLayoutEffect(() => {
    const start = startRef.current;
    if (!start) return;
    const measure = () => setScrollMargin(start.getBoundingClientRect().top + window.scrollY);
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
    measureElement: measureAfterLayout,
    scrollToFn: scrollUnlessMounting,
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

/**
 * An item's height from its ResizeObserver entry, which the browser reports after it has laid the
 * page out anyway; when the virtualizer asks as the item is drawn (no entry yet), the height it
 * already knows, else the estimate. The virtualizer's own measure reads `offsetHeight` then, which
 * makes the browser lay out the whole page inside the render that drew the item: at 50,000 filings
 * the first row's measure was ~40 ms of the task that opened the Documents tab. An item is observed
 * as it is drawn and an observation always reports once, so each drawn item is still measured in
 * the frame that first lays it out; the items after it move to their measured places in the next
 * render.
 */
function measureAfterLayout(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<Window, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ??
    instance.options.estimateSize(index)
  );
}

const mounted = new WeakSet<object>();

/**
 * Scrolls the window as the virtualizer asks, except for the first time it asks: as a list is
 * mounted, @tanstack/virtual-core scrolls the window to where it already is (the window's scrollY,
 * read as the list was rendered). Scrolling makes the browser lay out the page at once, inside
 * the render that mounted the list, rather than when it next draws the page.
 */
function scrollUnlessMounting(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<Window, Element>,
): void {
  const first = !mounted.has(instance);
  mounted.add(instance);
  if (first && options.adjustments === undefined && options.behavior === undefined) return;
  windowScroll(offset, options, instance);
}
