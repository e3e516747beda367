import { describe, expect, it } from 'vitest';
import {
  lifeProblems,
  normaliseLife,
  previewOutcome,
  settleLife,
  statusForOutcome,
  type DisputeLife,
} from './dispute-life';

const active: DisputeLife = {
  status: 'active',
  closedOn: '',
  openedOn: '2023-03',
  resolution: null,
  beforeOutcome: null,
};

describe('a dispute’s life', () => {
  it('settles on an agreed outcome and closes on any other', () => {
    expect(statusForOutcome('settlement')).toBe('settled');
    expect(statusForOutcome('licence')).toBe('settled');
    expect(statusForOutcome('cross-licence')).toBe('settled');
    expect(statusForOutcome('dismissal')).toBe('closed');
    expect(statusForOutcome('withdrawal')).toBe('closed');
    expect(statusForOutcome('judgment')).toBe('closed');
    expect(statusForOutcome('other')).toBe('closed');
  });

  it('takes status and closed date from a recorded outcome and remembers what they were', () => {
    const stayed = { ...active, status: 'stayed' as const };
    const result = settleLife(stayed, {
      ...stayed,
      resolution: { kind: 'licence', date: '2024-11' },
    });
    expect(result).toEqual({
      ok: true,
      life: {
        ...stayed,
        status: 'settled',
        closedOn: '2024-11',
        resolution: { kind: 'licence', date: '2024-11' },
        beforeOutcome: { status: 'stayed', closedOn: '' },
      },
    });
  });

  it('moves the closed date with the outcome and puts the old life back when it is removed', () => {
    const first = settleLife(active, {
      ...active,
      resolution: { kind: 'settlement', date: '2024' },
    });
    if (!first.ok) throw new Error('refused');
    const later = settleLife(first.life, {
      ...first.life,
      resolution: { kind: 'judgment', date: '2025-02-03' },
    });
    if (!later.ok) throw new Error('refused');
    expect(later.life).toMatchObject({ status: 'closed', closedOn: '2025-02-03' });
    const removed = settleLife(later.life, { ...later.life, resolution: null });
    expect(removed).toEqual({ ok: true, life: active });
  });

  it('refuses a status or closed date edited by hand against the outcome, by field', () => {
    const settled: DisputeLife = {
      ...active,
      status: 'settled',
      closedOn: '2024',
      resolution: { kind: 'settlement', date: '2024' },
    };
    const edited = settleLife(settled, { ...settled, status: 'active', closedOn: '2025' });
    expect(edited.ok).toBe(false);
    if (edited.ok) return;
    expect(edited.errors.status).toMatch(/settlement, so the status is Settled/);
    expect(edited.errors.closedOn).toMatch(/follows the outcome's date \(2024\)/);
    expect(settleLife(active, { ...active, status: 'settled' }).ok).toBe(false);
    expect(lifeProblems({ ...active, closedOn: '2024' }).closedOn).toMatch(/Only a closed/);
    expect(lifeProblems({ ...active, status: 'closed', closedOn: '2024' })).toEqual({});
  });

  it('refuses an outcome dated before the dispute opened', () => {
    const early = settleLife(active, {
      ...active,
      resolution: { kind: 'dismissal', date: '2022' },
    });
    expect(early.ok || early.errors['resolution.date']).toMatch(/opened March 2023/);
  });

  it('repairs records from elsewhere and says what it changed', () => {
    const stale = normaliseLife({ ...active, status: 'settled', closedOn: '2024-05' });
    expect(stale.life).toMatchObject({ status: 'closed', closedOn: '2024-05' });
    expect(stale.changes).toEqual([expect.stringMatching(/^Status: Settled → Closed/)]);
    const drifted = normaliseLife({
      ...active,
      resolution: { kind: 'licence', date: '2025-01-02' },
      closedOn: '2024',
    });
    expect(drifted.life).toMatchObject({ status: 'settled', closedOn: '2025-01-02' });
    expect(drifted.changes).toHaveLength(2);
    expect(normaliseLife(active)).toEqual({ life: active, changes: [] });
  });

  it('previews what recording an outcome will change', () => {
    expect(previewOutcome(active, { kind: 'settlement', date: '2026-12-12' })).toEqual([
      'Status: Active → Settled',
      'Closed: 12 December 2026',
    ]);
  });
});
