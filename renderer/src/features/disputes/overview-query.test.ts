import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { noteRecord, openTestDb } from '../../db/testing/test-db';
import { byNoteDate } from '../notes/note-queries';
import { latestNotes } from './overview-query';

let written = 0;
function note(disputeId: string, date: string, id = `n${written + 1}`): Note {
  written += 1;
  return noteRecord({
    id,
    disputeId,
    date,
    // Written in the order made, so a tie of dates is settled by the later written.
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, written)).toISOString(),
  });
}

/** What the Notes tab would show first: every note of the dispute, sorted. */
function expected(notes: Note[], disputeId: string, count: number): string[] {
  return notes
    .filter((n) => n.disputeId === disputeId)
    .sort(byNoteDate)
    .slice(0, count)
    .map((n) => n.id);
}

async function latestIds(db: CasefileDb, disputeId: string, count = 3): Promise<string[]> {
  return (await latestNotes(db, disputeId, count)).map((n) => n.id);
}

describe('the Overview brief', () => {
  let db: CasefileDb;
  afterEach(async () => {
    await db.delete();
  });

  it('shows the newest dated notes first, a month alone after its days (as the Notes tab)', async () => {
    db = openTestDb();
    const notes = [
      note('d', '2023-03-15', 'march-15'),
      note('d', '2023-03', 'march'),
      note('d', '2023', 'year'),
      note('d', '2024-01-02', 'january-2'),
      note('d', '', 'undated'),
      note('other', '2030-01-01', 'other-dispute'),
    ];
    await db.notes.bulkAdd(notes);
    expect(await latestIds(db, 'd')).toEqual(['january-2', 'march-15', 'march']);
    expect(await latestIds(db, 'd')).toEqual(expected(notes, 'd', 3));
  });

  it('settles notes of one date by the later written, as the Notes tab does', async () => {
    db = openTestDb();
    // Ids that sort against the order of writing, so the index's own tie order is not enough.
    const notes = [
      note('d', '2024-05-01', 'z1'),
      note('d', '2024-06-01', 'z2'),
      note('d', '2024-05-01', 'y3'),
      note('d', '2024-05-01', 'x4'),
      note('d', '2024-04-01', 'w5'),
    ];
    await db.notes.bulkAdd(notes);
    expect(await latestIds(db, 'd')).toEqual(['z2', 'x4', 'y3']);
  });

  it('fills with the latest written undated notes only when too few notes are dated', async () => {
    db = openTestDb();
    const notes = [
      note('d', '', 'undated-first'),
      note('d', '2022-11', 'dated'),
      note('d', '', 'undated-second'),
      note('d', '', 'undated-third'),
    ];
    await db.notes.bulkAdd(notes);
    expect(await latestIds(db, 'd')).toEqual(['dated', 'undated-third', 'undated-second']);
    expect(await latestIds(db, 'nobody')).toEqual([]);
  });

  it('agrees with sorting every note, whatever their dates', async () => {
    db = openTestDb();
    const dates = ['', '2021', '2021-07', '2021-07-04', '2022-01-31', '2021-07-04', '', '2020'];
    const notes = Array.from({ length: 60 }, (_, i) =>
      note(i % 3 === 0 ? 'other' : 'd', dates[(i * 5) % dates.length]!),
    );
    await db.notes.bulkAdd(notes);
    for (const count of [1, 3, 10, 50]) {
      expect(await latestIds(db, 'd', count)).toEqual(expected(notes, 'd', count));
    }
  });
});
