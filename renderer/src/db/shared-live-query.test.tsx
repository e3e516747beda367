// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CasefileDb } from './casefile-db';
import { holdLiveQuery, useSharedLiveQuery, type SharedQuery } from './shared-live-query';
import { noteRecord, openTestDb } from './testing/test-db';

function countQuery(db: CasefileDb, disputeId: string): SharedQuery<number> {
  return {
    key: `test-count:${db.name}:${disputeId}`,
    querier: () => db.notes.where('disputeId').equals(disputeId).count(),
  };
}

/** Writes down what each of its renders saw, then shows the latest. */
function Count({ query, seen }: { query: SharedQuery<number>; seen: (number | undefined)[] }) {
  const count = useSharedLiveQuery(query);
  seen.push(count);
  return <output>{count === undefined ? 'reading' : `${count} notes`}</output>;
}

async function answered(query: SharedQuery<number>): Promise<() => void> {
  const release = holdLiveQuery(query);
  // The held query's answer is in once a reader sees it without reading it itself. Polled on a
  // timer: Testing Library's waitFor also runs on DOM changes, which this check makes itself.
  await vi.waitFor(() => {
    const seen: (number | undefined)[] = [];
    render(<Count query={query} seen={seen} />).unmount();
    expect(seen[0]).not.toBeUndefined();
  });
  return release;
}

describe('shared live queries', () => {
  let db: CasefileDb;
  afterEach(async () => {
    cleanup();
    await db.delete();
  });

  it('a reader of a query held elsewhere draws its answer in its first render', async () => {
    db = openTestDb();
    await db.notes.bulkAdd([
      noteRecord({ id: 'a', disputeId: 'd' }),
      noteRecord({ id: 'b', disputeId: 'd' }),
    ]);
    const release = await answered(countQuery(db, 'd'));
    const seen: (number | undefined)[] = [];
    render(<Count query={countQuery(db, 'd')} seen={seen} />);
    expect(seen[0]).toBe(2);
    expect(screen.getByText('2 notes')).toBeTruthy();
    release();
  });

  it('keeps every reader current as the rows change, held or not', async () => {
    db = openTestDb();
    const release = await answered(countQuery(db, 'd'));
    render(<Count query={countQuery(db, 'd')} seen={[]} />);
    await db.notes.add(noteRecord({ id: 'a', disputeId: 'd' }));
    expect(await screen.findByText('1 notes')).toBeTruthy();
    release();
    await db.notes.add(noteRecord({ id: 'b', disputeId: 'd' }));
    expect(await screen.findByText('2 notes')).toBeTruthy();
  });

  it('reads afresh once nobody holds the query: no answer outlives its readers', async () => {
    db = openTestDb();
    const release = await answered(countQuery(db, 'd'));
    release();
    // A second release of the same hold changes nothing.
    release();
    await db.notes.add(noteRecord({ id: 'a', disputeId: 'd' }));
    const seen: (number | undefined)[] = [];
    render(<Count query={countQuery(db, 'd')} seen={seen} />);
    expect(seen[0]).toBeUndefined();
    await screen.findByText('1 notes');
  });

  it('tells a holder each answer until it lets go, the one already in at once', async () => {
    db = openTestDb();
    const heard: number[] = [];
    const release = holdLiveQuery(countQuery(db, 'd'), (count) => heard.push(count));
    await vi.waitFor(() => expect(heard).toEqual([0]));
    await db.notes.add(noteRecord({ id: 'a', disputeId: 'd' }));
    await vi.waitFor(() => expect(heard).toEqual([0, 1]));
    // A second holder hears the answer already in without a read of its own.
    const late: number[] = [];
    const releaseLate = holdLiveQuery(countQuery(db, 'd'), (count) => late.push(count));
    expect(late).toEqual([1]);
    release();
    await db.notes.add(noteRecord({ id: 'b', disputeId: 'd' }));
    await vi.waitFor(() => expect(late).toEqual([1, 2]));
    expect(heard).toEqual([0, 1]);
    releaseLate();
  });

  it('reads nothing for a null query', () => {
    db = openTestDb();
    function Nothing() {
      return <output>{String(useSharedLiveQuery(null))}</output>;
    }
    render(<Nothing />);
    expect(screen.getByText('undefined')).toBeTruthy();
  });
});
