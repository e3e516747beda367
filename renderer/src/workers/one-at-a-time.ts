/**
 * Runs a worker's jobs one after another in arrival order (pdf.js on one file at a time), where a
 * job that fails fails alone: the chain carries on, so one bad file never leaves the files after
 * it waiting for ever (the extraction worker's old `queue.then(...)` had no catch).
 */
export function oneAtATime<A extends unknown[], R>(
  job: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let queue: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = queue.then(() => job(...args));
    queue = run.catch(() => undefined);
    return run;
  };
}

/**
 * Runs a pass over whatever waits in the database (pending extractions, the OCR queue) one pass at
 * a time: asking while a pass runs answers that pass's promise and schedules one more pass after
 * it, so work added meanwhile is not missed and none is done twice in parallel.
 */
export function onePassAtATime(pass: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
