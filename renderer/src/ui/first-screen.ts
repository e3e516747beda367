/**
 * What a start sets going in the background (the search index catching up, text extraction and
 * OCR resuming, the trash purge, the daily backup check, the other screens' scripts) waits until
 * the first screen is drawn and the window has an idle moment: started with the app, it competed
 * with that screen for the window's thread, for IndexedDB and for the machine's cores.
 *
 * A screen that draws in steps holds the start back until its last step is in (Home: until its
 * deadline tables are drawn; a screen whose script is still loading: until it is in), and the
 * work then waits a moment more (QUIET_MS: the screen is painted, and the first scroll or click
 * on it does not queue behind a worker's start or a script's compiling). Any other screen counts
 * as drawn at the window's first idle moment. The wait is bounded (MAX_WAIT_MS) so
 * a screen that never settles, or a window that is never idle, still gets its background work.
 * Once started, the work runs as before: nothing here delays a write or a search a person asks
 * for.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';

/** The longest the background work waits for the first screen, from the first one asking. */
const MAX_WAIT_MS = 10_000;
/** After a screen's last step is drawn, before the background work may start. */
const QUIET_MS = 1_000;
/** How long an idle moment may be put off by a busy window before the check runs anyway. */
const IDLE_WITHIN_MS = 500;

let settled = false;
let holds = 0;
let watching = false;
let idleCheck: number | undefined;
let quietTimer: ReturnType<typeof setTimeout> | undefined;
const waiting = new Set<() => void>();
const watchers = new Set<() => void>();

function settle(): void {
  if (settled) return;
  settled = true;
  if (idleCheck !== undefined) cancelIdleCallback(idleCheck);
  clearTimeout(quietTimer);
  const tasks = [...waiting];
  waiting.clear();
  for (const task of tasks) task();
  for (const watcher of watchers) watcher();
}

/** At the next idle moment, the screen is drawn unless one holds it back. */
function checkWhenIdle(): void {
  if (settled) return;
  if (idleCheck !== undefined) cancelIdleCallback(idleCheck);
  idleCheck = requestIdleCallback(
    () => {
      idleCheck = undefined;
      if (holds === 0) settle();
    },
    { timeout: IDLE_WITHIN_MS },
  );
}

function watch(): void {
  if (watching || settled) return;
  watching = true;
  checkWhenIdle();
  setTimeout(settle, MAX_WAIT_MS);
}

/**
 * Runs `task` once the first screen has settled (at once if it has). Answers a function that
 * cancels it if it has not run yet.
 */
export function afterFirstScreen(task: () => void): () => void {
  if (settled) {
    task();
    return () => undefined;
  }
  // One entry per call, even for the same function (StrictMode's second effect).
  const entry = () => task();
  waiting.add(entry);
  watch();
  return () => {
    waiting.delete(entry);
  };
}

/** Whether the first screen has settled; a component re-renders when it does. */
export function useFirstScreenSettled(): boolean {
  return useSyncExternalStore(
    (watcher) => {
      watchers.add(watcher);
      watch();
      return () => watchers.delete(watcher);
    },
    () => settled,
  );
}

/**
 * Holds the background work back while the first screen still has steps to draw (`drawn`
 * false); a screen shown after the first one holds nothing.
 */
export function useHoldFirstScreen(drawn: boolean): void {
  useLayoutEffect(() => {
    if (drawn || settled) return undefined;
    holds += 1;
    watch();
    return () => {
      holds -= 1;
      if (holds > 0) return;
      clearTimeout(quietTimer);
      quietTimer = setTimeout(checkWhenIdle, QUIET_MS);
    };
  }, [drawn]);
}
