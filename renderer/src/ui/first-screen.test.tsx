// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FirstScreenModule from './first-screen';

type FirstScreen = typeof FirstScreenModule;

/** The module keeps the window's one start: each test gets a fresh window's worth. */
async function freshStart(): Promise<FirstScreen> {
  vi.resetModules();
  return import('./first-screen');
}

function Screen({ drawn, hold }: { drawn: boolean; hold: FirstScreen['useHoldFirstScreen'] }) {
  hold(drawn);
  return <p>{drawn ? 'drawn' : 'drawing'}</p>;
}

describe('the background work at start', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // jsdom has no idle callbacks: an idle moment is the next turn of the (fake) clock.
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) =>
      setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 1),
    );
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts at the first idle moment when no screen holds it back', async () => {
    const { afterFirstScreen } = await freshStart();
    const task = vi.fn<() => void>();
    afterFirstScreen(task);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits for a screen drawn in steps, then a quiet moment after its last one', async () => {
    const { afterFirstScreen, useHoldFirstScreen } = await freshStart();
    const task = vi.fn<() => void>();
    const view = render(<Screen drawn={false} hold={useHoldFirstScreen} />);
    afterFirstScreen(task);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(task).not.toHaveBeenCalled();

    view.rerender(<Screen drawn hold={useHoldFirstScreen} />);
    await vi.advanceTimersByTimeAsync(500);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does not wait for ever on a screen that never settles', async () => {
    const { afterFirstScreen, useHoldFirstScreen } = await freshStart();
    const task = vi.fn<() => void>();
    render(<Screen drawn={false} hold={useHoldFirstScreen} />);
    afterFirstScreen(task);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_100);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs a task given once it has started at once, and a later screen holds nothing', async () => {
    const { afterFirstScreen, useFirstScreenSettled, useHoldFirstScreen } = await freshStart();
    const cancelled = vi.fn<() => void>();
    afterFirstScreen(cancelled)();
    function Status() {
      return <p>{useFirstScreenSettled() ? 'settled' : 'waiting'}</p>;
    }
    const view = render(<Status />);
    expect(view.getByText('waiting')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(5));
    expect(view.getByText('settled')).toBeTruthy();
    expect(cancelled).not.toHaveBeenCalled();

    render(<Screen drawn={false} hold={useHoldFirstScreen} />);
    const later = vi.fn<() => void>();
    afterFirstScreen(later);
    expect(later).toHaveBeenCalledTimes(1);
  });
});
