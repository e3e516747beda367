import { describe, expect, it } from 'vitest';
import {
  amountSchema,
  claimsSchema,
  noteInputSchema,
  partialDateSchema,
  proceedingInputSchema,
} from './schemas';

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('shared schemas', () => {
  it('takes a date known to the year, month or day, and only real days', () => {
    expect(partialDateSchema.parse('2023')).toBe('2023');
    expect(partialDateSchema.parse('2023-03')).toBe('2023-03');
    expect(partialDateSchema.parse('2024-02-29')).toBe('2024-02-29');
    expect(partialDateSchema.parse('')).toBe('');
    expect(partialDateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(partialDateSchema.safeParse('03/2023').success).toBe(false);
  });

  it('takes claims as numbers and ascending ranges', () => {
    expect(claimsSchema.parse('1-5, 9')).toBe('1-5, 9');
    expect(claimsSchema.parse(' 12 ')).toBe('12');
    expect(messages(claimsSchema.safeParse('5-1'))).toEqual([expect.stringMatching(/low to high/)]);
    expect(messages(claimsSchema.safeParse('abc'))).toContainEqual(
      expect.stringMatching(/numbers and ranges/),
    );
    expect(claimsSchema.safeParse('0').success).toBe(false);
  });

  it('takes empty claims while they are not yet known', () => {
    expect(claimsSchema.parse(undefined)).toBe('');
    expect(claimsSchema.parse('')).toBe('');
  });

  it('reads amounts with thousands separators and refuses words', () => {
    expect(amountSchema.parse('2,500,000')).toBe(2500000);
    expect(amountSchema.parse(1200.5)).toBe(1200.5);
    expect(amountSchema.parse('')).toBeNull();
    expect(messages(amountSchema.safeParse('abc'))).toEqual([expect.stringMatching(/as a number/)]);
    expect(amountSchema.safeParse('-5').success).toBe(false);
  });

  it('wants the currency of an amount', () => {
    const offer = { disputeId: 'd1', date: '2023-05-02', kind: 'offer' } as const;
    expect(
      noteInputSchema.safeParse({ ...offer, amount: '2,500,000', currency: 'usd' }).data,
    ).toMatchObject({ amount: 2500000, currency: 'USD' });
    const noCurrency = noteInputSchema.safeParse({ ...offer, amount: '2,500,000' });
    expect(noCurrency.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['currency'], message: expect.stringMatching(/currency/) }),
    );
    expect(noteInputSchema.safeParse(offer).success).toBe(true);
  });

  it('dates a note as precisely as it is known, or not at all, but only with real dates', () => {
    const note = { disputeId: 'd1', kind: 'other' } as const;
    expect(noteInputSchema.parse({ ...note, date: '2023-03' }).date).toBe('2023-03');
    expect(noteInputSchema.parse({ ...note, date: '' }).date).toBe('');
    expect(noteInputSchema.parse(note).date).toBe('');
    expect(messages(noteInputSchema.safeParse({ ...note, date: '2023-02-30' })).join(' ')).toMatch(
      /real date/,
    );
  });

  it('wants a proceeding’s forum or at least its country', () => {
    expect(proceedingInputSchema.safeParse({ disputeId: 'd1', country: 'China' }).success).toBe(
      true,
    );
    expect(
      proceedingInputSchema.safeParse({ disputeId: 'd1', forum: 'Munich I Regional Court' })
        .success,
    ).toBe(true);
    const neither = proceedingInputSchema.safeParse({ disputeId: 'd1' });
    expect(neither.error?.issues).toContainEqual(
      expect.objectContaining({ path: ['forum'], message: expect.stringMatching(/forum/) }),
    );
  });
});
