import { describe, expect, it } from 'vitest';
import { shownName } from './entry-names';

describe('names shown in messages', () => {
  it('keeps a short name as it is', () => {
    expect(shownName('records/notes.ndjson')).toBe('records/notes.ndjson');
  });

  it('shortens a long name in the middle, keeping both ends', () => {
    const name = `records/${'a'.repeat(5000)}.ndjson`;
    const shown = shownName(name);
    expect(Array.from(shown)).toHaveLength(80);
    expect(shown.startsWith('records/aaa')).toBe(true);
    expect(shown.endsWith('aaa.ndjson')).toBe(true);
    expect(shown).toContain('…');
  });

  it('makes control characters visible instead of printing them', () => {
    expect(shownName('files/a\u0000b\nc')).toBe('files/a\ufffdb\ufffdc');
  });
});
