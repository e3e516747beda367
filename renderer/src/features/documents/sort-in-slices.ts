/**
 * A stable merge sort that gives the window back between slices of its work, for lists too long
 * to sort in one task: 50,000 filings ordered by title with a collator are some 800,000
 * comparisons, half a second of the window's thread. Each slice ends once it has run `sliceMs`,
 * and the next starts in a new task, so input and painting are served in between. It is
 * adaptive the way the engine's own sort is: two neighbouring runs already in order are joined
 * without comparing their elements, so a list that is nearly in order costs little more than one
 * pass.
 */

export type SliceOptions = {
  /** How long one slice may run before the window is given back (ms). */
  sliceMs?: number;
  /** Stops the sort at its next pause; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
};

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** How many merge steps run between looks at the clock. */
const STEPS_PER_LOOK = 512;

export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  { sliceMs = 12, signal }: SliceOptions = {},
): Promise<T[]> {
  let from = items.slice();
  const length = from.length;
  if (length < 2) return from;
  let to = new Array<T>(length);
  let sliceStarted = performance.now();
  let steps = 0;
  // True when the slice has had its time; the caller then awaits pause() before going on.
  const due = () => ++steps % STEPS_PER_LOOK === 0 && performance.now() - sliceStarted > sliceMs;
  const pause = async () => {
    await nextTask();
    signal?.throwIfAborted();
    sliceStarted = performance.now();
  };
  signal?.throwIfAborted();
  for (let width = 1; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length);
      const high = Math.min(low + 2 * width, length);
      let left = low;
      let right = middle;
      let out = low;
      // Already in order (or nothing on the right): copied as it is.
      if (middle === high || compare(from[middle - 1]!, from[middle]!) <= 0) {
        while (out < high) {
          to[out] = from[out]!;
          out += 1;
        }
      } else {
        while (left < middle && right < high) {
          // Ties take the left, so equal elements keep their order.
          if (compare(from[left]!, from[right]!) <= 0) to[out++] = from[left++]!;
          else to[out++] = from[right++]!;
          if (due()) await pause();
        }
        while (left < middle) to[out++] = from[left++]!;
        while (right < high) to[out++] = from[right++]!;
      }
      if (due()) await pause();
    }
    [from, to] = [to, from];
  }
  return from;
}
