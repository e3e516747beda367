import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../shared/validation';
import type { CasefileDb } from '../casefile-db';
import { openTestDbWithDispute, snapshot } from '../testing/test-db';
import { recordSettlement, type SettlementInput } from './settlement-repo';

const settlement: SettlementInput = {
  resolution: {
    kind: 'cross-licence',
    date: '2024-11-20',
    licence: {
      type: 'cross-licence',
      scope: 'All patents of both parties',
      territory: 'Global',
      term: 'Five years',
      consideration: 'Balancing payment',
    },
    text: 'Settled by a global cross-licence.',
  },
  note: {
    date: '2024-11-20',
    kind: 'term-sheet',
    title: 'Signed',
    participants: 'Both GCs',
    body: 'Term sheet **signed**.',
  },
};

describe('recording a settlement', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute({ openedOn: '2024-05-06' }));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('sets the resolution, the status and the close date, and adds the note that records it', async () => {
    const { dispute, note } = await recordSettlement(db, disputeId, settlement);
    expect(dispute).toMatchObject({
      status: 'settled',
      closedOn: '2024-11-20',
      resolution: { kind: 'cross-licence', licence: { territory: 'Global', term: 'Five years' } },
    });
    expect(note).toMatchObject({ disputeId, recordsResolution: true, kind: 'term-sheet' });
    expect(await db.notes.count()).toBe(1);
    const audit = await db.audit.where('disputeId').equals(disputeId).toArray();
    expect(audit.map((a) => `${a.entity} ${a.action}`)).toEqual(
      expect.arrayContaining(['dispute update', 'note create']),
    );
  });

  it('drops licence terms left empty', async () => {
    const { dispute } = await recordSettlement(db, disputeId, {
      ...settlement,
      resolution: {
        kind: 'withdrawal',
        date: '2025',
        licence: { type: null, scope: '', territory: '', term: '', consideration: '' },
      },
    });
    expect(dispute.resolution?.licence).toBeNull();
    expect(dispute.status).toBe('closed');
  });

  it('writes nothing when the note or the outcome is invalid, or the outcome predates the dispute', async () => {
    const before = await snapshot(db);
    const badNote = await recordSettlement(db, disputeId, {
      ...settlement,
      note: { ...settlement.note, date: '2023-02-30' },
    }).catch((e: unknown) => e);
    expect((badNote as ValidationError).fieldErrors['note.date']).toMatch(/real date/);
    const early = await recordSettlement(db, disputeId, {
      ...settlement,
      resolution: { ...settlement.resolution, date: '2020-01-01' },
    }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(ValidationError);
    expect((early as ValidationError).fieldErrors['resolution.date']).toMatch(/opened/);
    expect(await snapshot(db)).toEqual(before);
  });
});
