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

  it('names an untitled note by its words, an empty one by the fallback', () => {
    expect(noteHeading({ title: '', body: 'Met their counsel in Munich' }, 'Meeting')).toBe(
      'Met their counsel in Munich',
    );
    expect(noteHeading({ title: 'Term sheet', body: 'x' }, 'Meeting')).toBe('Term sheet');
    expect(noteHeading({ title: '', body: '' }, 'Meeting')).toBe('Meeting');
  });
});
