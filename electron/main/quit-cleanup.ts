/**
 * What Casefile tidies when it quits (temporary copies, half-written saves and backups). Each
 * clean-up runs on its own and is awaited: one that fails (a file held open by another app on
 * Windows) is logged and never stops the others, and never becomes an uncaught exception in the
 * main process. `will-quit` is held until they are done, with a bound, so tidying cannot keep
 * Casefile open either.
 */
export type Cleanup = { name: string; run: () => Promise<void> | void };

/** Runs every clean-up, each isolated; answers the names of those that failed. */
export async function runCleanups(
  cleanups: readonly Cleanup[],
  log: (message: string, error: unknown) => void = console.error,
): Promise<string[]> {
  const outcomes = await Promise.allSettled(
    // Wrapped so a clean-up that throws before its first await is caught like one that rejects.
    cleanups.map(async (cleanup) => cleanup.run()),
  );
  const failed: string[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') return;
    const name = cleanups[index]?.name ?? 'clean-up';
    failed.push(name);
    log(`Casefile could not finish a clean-up at quit (${name})`, outcome.reason);
  });
  return failed;
}

type QuitEvent = { preventDefault(): void };
type QuittingApp = {
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
  quit(): void;
};

/**
 * Holds the first `will-quit` until the clean-ups have run (or `timeoutMs` has passed), then
 * quits again; the second `will-quit` goes through.
 */
export function cleanUpAtQuit(
  app: QuittingApp,
  cleanups: readonly Cleanup[],
  {
    timeoutMs = 5000,
    log,
  }: { timeoutMs?: number; log?: (message: string, error: unknown) => void } = {},
) {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    void Promise.race([runCleanups(cleanups, log), bound]).then(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });
}
