import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('counts in the form the number asks for', () => {
    expect(plural(1, 'proceeding')).toBe('1 proceeding');
    expect(plural(0, 'note')).toBe('0 notes');
    expect(plural(2, 'party', 'parties')).toBe('2 parties');
    expect(plural(2000, 'note')).toBe('2,000 notes');
  });
});
