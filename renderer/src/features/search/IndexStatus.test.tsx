// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexState } from '../../search/search-client';

/** The index's state as the header reads it, set by each test. */
const index = vi.hoisted(() => {
  let state: IndexState = { phase: 'ready', generation: 1 };
  const watchers = new Set<() => void>();
  return {
    get: () => state,
    set(next: IndexState) {
      state = next;
      watchers.forEach((watcher) => watcher());
    },
    watchers,
  };
});

vi.mock('../../search/search-client', async () => {
  const { useSyncExternalStore } = await import('react');
  return {
    useIndexState: () =>
      useSyncExternalStore(
        (watcher) => {
          index.watchers.add(watcher);
          return () => index.watchers.delete(watcher);
        },
        () => index.get(),
      ),
  };
});

const { IndexProgress, PROGRESS_AFTER_MS } = await import('./IndexStatus');

const building = (done: number, total: number): IndexState => ({
  phase: 'building',
  progress: { done, total },
});

describe("the header's indexing line", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    index.set({ phase: 'ready', generation: 1 });
    render(
      <MantineProvider>
        <IndexProgress />
      </MantineProvider>,
    );
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says nothing of a catch-up that ends within moments', async () => {
    act(() => index.set(building(0, 40)));
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS / 2));
    act(() => index.set({ phase: 'ready', generation: 2 }));
    // A second short catch-up right after it starts the wait again.
    act(() => index.set(building(0, 40)));
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS / 2));
    act(() => index.set({ phase: 'ready', generation: 3 }));
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS * 2));
    expect(screen.queryByText(/Indexing/)).toBeNull();
  });

  it('shows the progress of a longer build, and goes when it is done', async () => {
    act(() => index.set(building(0, 20_001)));
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS - 1));
    expect(screen.queryByText(/Indexing/)).toBeNull();
    act(() => index.set(building(4_000, 20_001)));
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(screen.getByText('Indexing 4,000 of 20,001 items')).toBeTruthy();
    act(() => index.set(building(12_500, 20_001)));
    expect(screen.getByText('Indexing 12,500 of 20,001 items')).toBeTruthy();
    act(() => index.set({ phase: 'ready', generation: 2 }));
    expect(screen.queryByText(/Indexing/)).toBeNull();
  });
});
