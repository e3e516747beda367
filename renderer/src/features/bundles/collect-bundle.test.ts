import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { openTestDb } from '../../db/testing/test-db';
import { collectBundle } from './collect-bundle';
import { exportBundle } from './export-bundle';
import { readBundle } from './read-bundle';
import { fillDispute } from './testing/bundle-fixture';

const resolution = {
  kind: 'licence',
  date: '2024-11',
  licence: {
    type: 'cross-licence',
    scope: 'Camera patents',
    territory: 'Worldwide',
    term: 'Five years',
    consideration: 'EUR 12 million, paid in three instalments',
  },
  text: 'Settled after mediation; the payment schedule is privileged.',
} as const;

describe('what a bundle leaves behind', () => {
  let db: CasefileDb;
  let disputeId: string;

  beforeEach(async () => {
    db = openTestDb();
    disputeId = (await fillDispute(db)).dispute.id;
    await db.disputes.update(disputeId, { privilege: 'attorney-client', resolution });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('leaves a privileged dispute’s resolution text and consideration out unless asked', async () => {
    const { blob } = await exportBundle(db, disputeId, {
      includePrivileged: false,
      appVersion: 't',
    });
    const outgoing = (await readBundle(blob)).records.disputes[0]!.resolution!;
    expect(outgoing.kind).toBe('licence');
    expect(outgoing.date).toBe('2024-11');
    expect(outgoing.licence).toMatchObject({ territory: 'Worldwide', consideration: '' });
    expect(outgoing.text).toBe('');

    const asked = await exportBundle(db, disputeId, { includePrivileged: true, appVersion: 't' });
    expect((await readBundle(asked.blob)).records.disputes[0]!.resolution).toMatchObject({
      text: resolution.text,
      licence: { consideration: resolution.licence.consideration },
    });
  });

  it('counts what stays behind', async () => {
    const without = await collectBundle(db, disputeId, { includePrivileged: false });
    expect(without.leftOut).toMatchObject({ resolutionText: true, consideration: true });
    expect(without.leftOut.notes).toBeGreaterThan(0);
    expect(without.leftOut.documents).toBeGreaterThan(0);
    const all = await collectBundle(db, disputeId, { includePrivileged: true });
    expect(all.leftOut).toEqual({
      notes: 0,
      documents: 0,
      resolutionText: false,
      consideration: false,
    });
  });

  it('keeps the terms of a dispute that is not privileged', async () => {
    await db.disputes.update(disputeId, { privilege: 'confidential' });
    const { records } = await collectBundle(db, disputeId, { includePrivileged: false });
    expect(records.disputes[0]!.resolution).toMatchObject({ text: resolution.text });
  });
});
