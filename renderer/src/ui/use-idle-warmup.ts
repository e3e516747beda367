/**
 * Work done ahead of a click, in moments when the window has nothing else to do: code that a
 * screen compiles or fetches on first use costs its first opening up to a few hundred
 * milliseconds, and paid while a person reads the page before it, it costs them nothing. The work
 * comes in steps, one idle moment each (more while the moment lasts), so a click that comes
 * meanwhile waits for one step at most; the bound makes sure a busy window still gets it done.
 */
import { useEffect } from 'react';

const WITHIN_MS = 2_000;

/** One step of the work; true when there is nothing left to do. */
export type WarmupStep = (deadline: IdleDeadline) => boolean;

/** Runs `warm` in idle moments once `ready` (the page it serves is drawn), until it is done. */
export function useIdleWarmup(warm: WarmupStep, ready = true): void {
  useEffect(() => {
    if (!ready) return;
    let idle = 0;
    const step = (deadline: IdleDeadline) => {
      if (!warm(deadline)) idle = requestIdleCallback(step, { timeout: WITHIN_MS });
    };
    idle = requestIdleCallback(step, { timeout: WITHIN_MS });
    return () => cancelIdleCallback(idle);
    // `warm` is a module function; what it has done stays done for the window.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
}

/**
 * Once `ready`, in an idle moment, takes hold of something a later click will use (a live query
 * the next screen reads: shared-live-query.ts), and lets go when the component goes or `key`
 * changes. `hold` returns its release.
 */
export function useIdleHold(hold: () => () => void, ready: boolean, key: string): void {
  useEffect(() => {
    if (!ready) return;
    let release: (() => void) | null = null;
    const idle = requestIdleCallback(() => (release = hold()), { timeout: WITHIN_MS });
    return () => {
      cancelIdleCallback(idle);
      release?.();
    };
    // `hold` is read once per key: the key names what it holds.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, key]);
}
