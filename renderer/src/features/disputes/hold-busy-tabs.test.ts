import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Each tab's hold, as the page takes it: who holds what, and a way to answer it. */
const holds = vi.hoisted(() => {
  const held = new Set<string>();
  const answers = new Map<string, () => void>();
  const hold = (tab: string) => (disputeId: string, onAnswer?: () => void) => {
    held.add(`${tab}:${disputeId}`);
    if (onAnswer) answers.set(tab, onAnswer);
    return () => held.delete(`${tab}:${disputeId}`);
  };
  return { held, answers, hold };
});

vi.mock('../notes/use-note-window', () => ({ holdNotesTab: holds.hold('notes') }));
vi.mock('../documents/document-rows-query', () => ({ holdDocumentsTab: holds.hold('documents') }));
vi.mock('../timeline/timeline-queries', () => ({ holdTimelineTab: holds.hold('timeline') }));

const { holdBusyTabs } = await import('./hold-busy-tabs');

describe("a dispute page's holds on its busy tabs", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) =>
      setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 1),
    );
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
    holds.held.clear();
    holds.answers.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('holds the timeline only once the Notes and Documents tabs have answered, when idle', () => {
    const release = holdBusyTabs('d1');
    expect([...holds.held].sort()).toEqual(['documents:d1', 'notes:d1']);
    holds.answers.get('notes')!();
    holds.answers.get('notes')!(); // a second answer of the same tab counts once
    vi.advanceTimersByTime(10);
    expect(holds.held.has('timeline:d1')).toBe(false);
    holds.answers.get('documents')!();
    expect(holds.held.has('timeline:d1')).toBe(false);
    vi.advanceTimersByTime(1);
    expect(holds.held.has('timeline:d1')).toBe(true);
    release();
    expect(holds.held.size).toBe(0);
  });

  it('takes nothing more once released, even if the answers were in', () => {
    const release = holdBusyTabs('d2');
    holds.answers.get('notes')!();
    holds.answers.get('documents')!();
    release();
    vi.advanceTimersByTime(10);
    expect(holds.held.size).toBe(0);
  });
});
