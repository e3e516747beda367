import { describe, expect, it } from 'vitest';
import { backupsToKeep, type DatedBackup } from './backup-rotation';

/** One backup at noon UTC on each of `days` consecutive days ending 2026-03-31 (a Tuesday). */
function daily(days: number): DatedBackup[] {
  return Array.from({ length: days }, (_, index) => {
    const createdAt = new Date(Date.UTC(2026, 2, 31 - index, 12));
    return { name: createdAt.toISOString(), createdAt };
  });
}

describe('backup rotation', () => {
  it('keeps exactly the last 14 days and the newest of each of the 8 weeks before', () => {
    const backups = daily(120);
    const kept = [...backupsToKeep(backups, { keepDaily: 14, keepWeekly: 8 })].sort();
    const days = backups.slice(0, 14).map((backup) => backup.name);
    // Newest per ISO week (Monday start): the week of 31 March holds 30 and 31 March, so its newest
    // is the 31st; each earlier week's newest is its Sunday.
    const weeks = [
      '2026-03-31',
      '2026-03-29',
      '2026-03-22',
      '2026-03-15',
      '2026-03-08',
      '2026-03-01',
      '2026-02-22',
      '2026-02-15',
    ].map((day) => `${day}T12:00:00.000Z`);
    expect(kept).toEqual([...new Set([...days, ...weeks])].sort());
    // The last 14 days reach back to 18 March, so three of the weekly ones are already kept.
    expect(kept).toHaveLength(14 + 5);
  });

  it('keeps only the newest backup of a day with several', () => {
    const morning = { name: 'morning', createdAt: new Date('2026-03-31T08:00:00Z') };
    const evening = { name: 'evening', createdAt: new Date('2026-03-31T20:00:00Z') };
    const dayBefore = { name: 'day-before', createdAt: new Date('2026-03-30T20:00:00Z') };
    expect(backupsToKeep([morning, evening, dayBefore], { keepDaily: 14, keepWeekly: 0 })).toEqual(
      new Set(['evening', 'day-before']),
    );
  });

  it('follows a smaller configured set', () => {
    const backups = daily(30);
    const kept = backupsToKeep(backups, { keepDaily: 3, keepWeekly: 2 });
    expect([...kept].sort()).toEqual(
      ['2026-03-29T12:00:00.000Z', '2026-03-30T12:00:00.000Z', '2026-03-31T12:00:00.000Z'].sort(),
    );
    expect(backupsToKeep(daily(10), { keepDaily: 1, keepWeekly: 3 })).toEqual(
      new Set(['2026-03-31T12:00:00.000Z', '2026-03-29T12:00:00.000Z', '2026-03-22T12:00:00.000Z']),
    );
  });
});
