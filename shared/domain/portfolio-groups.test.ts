import { describe, expect, it } from 'vitest';
import { judgmentResultOf, outcomeGroupOf, outcomeLabel } from './portfolio-groups';
import { recordedOutcomeSchema } from './schemas';

describe('outcome groups', () => {
  it('counts a judgment as won or lost by its result, and an older one as not recorded', () => {
    expect(outcomeGroupOf({ kind: 'judgment', judgmentResult: 'for-us' })).toBe('judgment-won');
    expect(outcomeGroupOf({ kind: 'judgment', judgmentResult: 'against-us' })).toBe(
      'judgment-lost',
    );
    expect(outcomeGroupOf({ kind: 'judgment', judgmentResult: 'mixed' })).toBe('judgment');
    expect(outcomeGroupOf({ kind: 'judgment' })).toBe('judgment');
    expect(judgmentResultOf({ kind: 'judgment' })).toBe('not-recorded');
    expect(outcomeGroupOf({ kind: 'cross-licence' })).toBe('licence');
    expect(outcomeGroupOf(null)).toBeNull();
  });

  it('reads a result only on a judgment', () => {
    expect(judgmentResultOf({ kind: 'settlement', judgmentResult: 'for-us' })).toBe('not-recorded');
    expect(outcomeGroupOf({ kind: 'settlement', judgmentResult: 'for-us' })).toBe('settled');
  });

  it('says an outcome in words', () => {
    expect(outcomeLabel({ kind: 'settlement' })).toBe('Settlement');
    expect(outcomeLabel({ kind: 'judgment', judgmentResult: 'against-us' })).toBe(
      'Judgment (against us)',
    );
    expect(outcomeLabel({ kind: 'judgment' })).toBe('Judgment (result not recorded)');
  });

  it('keeps a recorded judgment’s result, “Not recorded” unless chosen, and none on other kinds', () => {
    const base = { date: '2024-05', dateNotGiven: false };
    expect(
      recordedOutcomeSchema.parse({ ...base, kind: 'judgment', judgmentResult: 'for-us' }),
    ).toMatchObject({ judgmentResult: 'for-us' });
    expect(recordedOutcomeSchema.parse({ ...base, kind: 'judgment' })).toMatchObject({
      judgmentResult: 'not-recorded',
    });
    expect(
      recordedOutcomeSchema.parse({ ...base, kind: 'settlement', judgmentResult: 'for-us' }),
    ).not.toHaveProperty('judgmentResult');
  });
});
