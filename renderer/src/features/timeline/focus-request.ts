/**
 * How a timeline entry "opens its item": it asks for the item to be focused, then switches to the
 * item's tab; the tab, once its data has loaded, scrolls the element `item-<id>` into view and
 * moves keyboard focus to it. The request lives in memory only: it belongs to this one click.
 */
import { useEffect } from 'react';

let pending: string | null = null;

export function requestFocus(itemId: string): void {
  pending = itemId;
}

/** The item a click asked to focus, if it has not been focused yet (lists that page use it). */
export function pendingFocus(): string | null {
  return pending;
}

export function itemElementId(itemId: string): string {
  return `item-${itemId}`;
}

/** Call in a tab with `ready` true once its items are on screen. */
export function useFocusRequest(ready: boolean): void {
  useEffect(() => {
    if (!ready || pending === null) return;
    const element = document.getElementById(itemElementId(pending));
    if (!element) return;
    pending = null;
    element.scrollIntoView({ block: 'center' });
    element.focus();
  });
}
