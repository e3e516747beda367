import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { noteRecord, openTestDb } from '../../db/testing/test-db';
import { listNotes } from './note-queries';
import { notePosition, readNoteWindow } from './note-window';

function note(id: string, disputeId: string, date: string, createdAt: string): Note {
  return noteRecord({ id, disputeId, date, createdAt });
}

/**
 * Partial dates, undated notes, many notes sharing a date, notes written in the same instant
 * (an import's) and ids that sort against the order of writing: every way the index's own order
 * differs from the tab's.
 */
function mixedNotes(): Note[] {
  const dates = ['', '2021', '2021-07', '2021-07-04', '2022-01-31', '2021-07-04', '', '2020'];
  return Array.from({ length: 120 }, (_, i) => {
    const second = i % 4 === 0 ? 0 : 119 - i;
    return note(
      `n${String((i * 37) % 120).padStart(3, '0')}`,
      i % 5 === 0 ? 'other' : 'd',
      dates[(i * 5) % dates.length]!,
      new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString(),
    );
  });
}

async function ids(notes: Promise<Note[]>): Promise<string[]> {
  return (await notes).map((n) => n.id);
}

describe('a window of a dispute’s notes', () => {
  let db: CasefileDb;
  afterEach(async () => {
    await db.delete();
  });

  it('holds the same notes in the same order as reading and sorting every note', async () => {
    db = openTestDb();
    await db.notes.bulkAdd(mixedNotes());
    const all = await ids(listNotes(db, 'd'));
    expect(all).toHaveLength(96);
    for (const size of [1, 7, 25]) {
      for (let start = 0; start < all.length + size; start += size) {
        expect(await ids(readNoteWindow(db, 'd', start, start + size))).toEqual(
          all.slice(start, start + size),
        );
      }
    }
    expect(await ids(readNoteWindow(db, 'd', 10, 10))).toEqual([]);
    expect(await ids(readNoteWindow(db, 'nobody', 0, 20))).toEqual([]);
  });

  it('finds where each note stands, and nothing for another dispute’s note', async () => {
    db = openTestDb();
    const notes = mixedNotes();
    await db.notes.bulkAdd(notes);
    const all = await ids(listNotes(db, 'd'));
    for (const [position, id] of all.entries()) {
      expect(await notePosition(db, 'd', id)).toBe(position);
    }
    const other = notes.find((n) => n.disputeId === 'other')!;
    expect(await notePosition(db, 'd', other.id)).toBe(-1);
    expect(await notePosition(db, 'd', 'gone')).toBe(-1);
  });
});
