import { describe, expect, it } from 'vitest';
import { createDeadline, updateDeadline } from '../../db/repos/deadline-repo';
import { openTestDbWithDispute } from '../../db/testing/test-db';
import { openDeadlinesPage } from './deadline-queries';
import { byDateAndTime, classifyDeadlines } from './deadline-status';

describe("Home's pages of open deadlines", () => {
  it('read the first rows in date and time order and count the rest, as the whole list would', async () => {
    const { db, disputeId } = await openTestDbWithDispute();
    try {
      // Several a day, at times not in the order they were written, and some done.
      for (let i = 0; i < 40; i++) {
        const day = String(1 + (i % 9)).padStart(2, '0');
        const time = `${String(23 - (i % 7)).padStart(2, '0')}:00`;
        const d = await createDeadline(db, {
          disputeId,
          date: `2026-11-${day}`,
          time,
          kind: 'filing-deadline',
          title: `Deadline ${i}`,
        });
        if (i % 5 === 0) await updateDeadline(db, d.id, { ...d, done: true });
      }
      const today = '2026-11-06';
      const all = classifyDeadlines(await db.deadlines.toArray(), today);
      const page = await openDeadlinesPage(db, '', today, 10);
      expect(page.total).toBe(all.overdue.length);
      expect(page.rows.map((d) => d.id)).toEqual(all.overdue.slice(0, 10).map((d) => d.id));
      expect([...page.rows].sort(byDateAndTime)).toEqual(page.rows);
      const upcoming = await openDeadlinesPage(db, today, '2026-12-07', Infinity);
      expect(upcoming.rows.map((d) => d.id)).toEqual(all.upcoming.map((d) => d.id));
      expect(upcoming.total).toBe(all.upcoming.length);
    } finally {
      await db.delete();
    }
  });
});
