/**
 * Live queries shared by name, whose latest answer can be read in a render. A page can hold the
 * query a tab it leads to will read (holdLiveQuery), once the page itself is drawn: the tab then
 * draws its content in its first render instead of after a chain of reads, and since it reads the
 * same query (useSharedLiveQuery), the rows are read once and kept current once. An answer lives
 * only while someone holds its query, so nothing outlives its readers or goes stale: every holder
 * sees each change as a useLiveQuery would.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';

/** A query and the name it is shared under; the name must say everything the query depends on. */
export type SharedQuery<T> = { key: string; querier: () => Promise<T> };

/** What a query said last: a new object each time, so that it serves as a snapshot. */
type State = { answer: unknown } | { failure: unknown };

type Entry = {
  state: State | undefined;
  holders: number;
  listeners: Set<() => void>;
  subscription: Subscription;
};

const entries = new Map<string, Entry>();

function open<T>({ key, querier }: SharedQuery<T>): Entry {
  const existing = entries.get(key);
  if (existing) return existing;
  const entry: Entry = {
    state: undefined,
    holders: 0,
    listeners: new Set(),
    subscription: { unsubscribe: () => {}, closed: false },
  };
  entries.set(key, entry);
  entry.subscription = liveQuery(querier).subscribe({
    next: (answer) => {
      entry.state = { answer };
      entry.listeners.forEach((listener) => listener());
    },
    error: (failure: unknown) => {
      entry.state = { failure };
      entry.listeners.forEach((listener) => listener());
    },
  });
  return entry;
}

/**
 * Keeps `query` live until the returned function is called (each hold is released once).
 * `onAnswer` hears each answer from then on (the one already in, if any, at once): what the
 * holder prepares ahead of the screen that will read it.
 */
export function holdLiveQuery<T>(
  query: SharedQuery<T>,
  onAnswer?: (answer: T) => void,
): () => void {
  const entry = open(query);
  entry.holders += 1;
  let held = true;
  const hear = () => {
    if (entry.state && 'answer' in entry.state) onAnswer?.(entry.state.answer as T);
  };
  if (onAnswer) {
    entry.listeners.add(hear);
    hear();
  }
  return () => {
    if (!held) return;
    held = false;
    entry.listeners.delete(hear);
    entry.holders -= 1;
    if (entry.holders === 0) {
      entry.subscription.unsubscribe();
      entries.delete(query.key);
    }
  };
}

/**
 * useLiveQuery for a shared query: `undefined` while its first answer is read, and at once the
 * answer when another holder already has it. `null` reads nothing.
 */
export function useSharedLiveQuery<T>(query: SharedQuery<T> | null): T | undefined {
  const key = query?.key ?? null;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!query) return () => {};
      const release = holdLiveQuery(query);
      const entry = entries.get(query.key)!;
      entry.listeners.add(onChange);
      return () => {
        entry.listeners.delete(onChange);
        release();
      };
    },
    // The key names the query: a new querier with the same key is the same query.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const state = useSyncExternalStore(subscribe, () =>
    key === null ? undefined : entries.get(key)?.state,
  );
  // As useLiveQuery does: a failed read goes to the nearest error boundary.
  if (state && 'failure' in state) throw state.failure;
  return state?.answer as T | undefined;
}
