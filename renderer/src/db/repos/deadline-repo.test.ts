import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { openTestDbWithDispute, snapshot } from '../testing/test-db';
import { createDeadline, deleteDeadline, setDeadlineDone } from './deadline-repo';

describe('deadline repository', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores a hearing with its time, zone and reminder', async () => {
    const deadline = await createDeadline(db, {
      disputeId,
      date: '2025-03-18',
      time: '09:30',
      timeZone: 'Europe/Berlin',
      kind: 'hearing',
      title: 'Oral hearing',
      reminderDays: 14,
    });
    expect(await db.deadlines.get(deadline.id)).toMatchObject({
      proceedingId: null,
      done: false,
      reminderDays: 14,
      responsible: '',
    });
  });

  it('refuses a date that does not exist, a bad time and an empty title, writing nothing', async () => {
    const before = await snapshot(db);
    const base = { disputeId, kind: 'filing-deadline', title: 'Reply' } as const;
    for (const input of [
      { ...base, date: '2023-02-30' },
      { ...base, date: '2023-03' },
      { ...base, date: '2023-03-01', time: '25:00' },
      { ...base, date: '2023-03-01', title: ' ' },
    ]) {
      await expect(createDeadline(db, input)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('marks a deadline done and open again, each change audited', async () => {
    const { id } = await createDeadline(db, {
      disputeId,
      date: '2025-01-10',
      kind: 'response-due',
      title: 'Reply brief',
    });
    expect((await setDeadlineDone(db, id, true)).done).toBe(true);
    expect((await setDeadlineDone(db, id, false)).done).toBe(false);
    const audit = await db.audit.where('[entity+entityId]').equals(['deadline', id]).sortBy('seq');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[1]?.changes).toEqual([{ field: 'done', old: false, new: true }]);
    await deleteDeadline(db, id);
    await expect(setDeadlineDone(db, id, true)).rejects.toThrow(/no longer exists/);
  });
});
