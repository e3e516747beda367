/**
 * A handler whose identity never changes and that always calls the latest function given. A long
 * list's memoised rows take their handlers from it, so a parent's redraw (a virtualised list
 * redraws each time it measures a row) does not redraw every row for a new arrow function.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStableHandler<A extends unknown[]>(
  handler: (...args: A) => void,
): (...args: A) => void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
