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
