import { describe, expect, it } from 'vitest';
import { firstWords, noteHeading } from './first-words';

describe('firstWords', () => {
  it('reads the opening words without Markdown markers', () => {
    expect(firstWords('**Offer** made by _Xiaomi_ on [the call](https://example.com)')).toBe(
      'Offer made by Xiaomi on the call',
    );
    expect(firstWords('- one\n- two three four five six seven eight nine', 4)).toBe(
      'one two three four…',
    );
  });

  it('reads only the opening of a long text, and says when it was cut short', () => {
    expect(firstWords(`Royalty cap agreed ${'word '.repeat(100_000)}`)).toBe(
      'Royalty cap agreed word word word word word…',
    );
    // A single word longer than the opening: cut, and said to be.
    expect(firstWords(`${'a'.repeat(2500)} b`, 8)).toBe(`${'a'.repeat(2000)}…`);
  });

  it('names an untitled note by its words, an empty one by the fallback', () => {
    expect(noteHeading({ title: '', body: 'Met their counsel in Munich' }, 'Meeting')).toBe(
      'Met their counsel in Munich',
    );
    expect(noteHeading({ title: 'Term sheet', body: 'x' }, 'Meeting')).toBe('Term sheet');
    expect(noteHeading({ title: '', body: '' }, 'Meeting')).toBe('Meeting');
  });
});
