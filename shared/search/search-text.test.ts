import { describe, expect, it } from 'vitest';
import { bigramCjk, cjkBigrams } from './cjk';
import { findPatentNumbers, patentNumberTokens } from './patent-numbers';
import { markdownToPlainText } from './plain-text';
import { expandPrefixes, parseQuery, positivePhrases, PREFIX_EXPANSION_LIMIT } from './query';
import { snippetOf } from './snippet';

describe('search text', () => {
  it('turns CJK runs into overlapping bigrams and leaves other words alone', () => {
    expect(cjkBigrams('华为专利')).toEqual(['华为', '为专', '专利']);
    expect(cjkBigrams('米')).toEqual(['米']);
    expect(bigramCjk('Huawei 华为专利 v. 小米').split(/\s+/).filter(Boolean)).toEqual([
      'Huawei',
      '华为',
      '为专',
      '专利',
      'v.',
      '小米',
    ]);
  });

  it.each([
    ['US 10,123,456 B2', '10123456'],
    ['US10123456', '10123456'],
    ['EP 1 234 567', '1234567'],
    ['CN 1234567 A', '1234567'],
    ['ZL 2019 1 0123456.7', '201910123456'],
    ['as in 10,123,456.', '10123456'],
  ])('reduces the patent number "%s" to %s', (writing, digits) => {
    expect(findPatentNumbers(writing).map((p) => p.digits)).toEqual([digits]);
    expect(patentNumberTokens(writing).split(' ')).toContain(digits);
  });

  it('does not take dates, amounts or case numbers for patent numbers', () => {
    expect(findPatentNumbers('On 2023-03-14 we paid 2,500 in 2:26-cv-00123')).toEqual([]);
  });

  it('parses words, phrases, prefixes and exclusions into a quoted FTS5 expression', () => {
    expect(parseQuery('running royal').match).toBe('"running" AND "royal"*');
    expect(parseQuery('running royal ').match).toBe('"running" AND "royal"');
    // A last letter being typed waits for the next one, or a space, to say what it is.
    expect(parseQuery('royalty c').match).toBe('"royalty"');
    expect(parseQuery('royalty c ').match).toBe('"royalty" AND "c"');
    expect(parseQuery('royalty c', { typing: false }).match).toBe('"royalty" AND "c"');
    expect(parseQuery('c').match).toBe('"c"');
    expect(parseQuery('"Markman order" -draft').match).toBe('("markman order") NOT ("draft")');
    expect(parseQuery('Société').match).toBe('"societe"*');
    expect(parseQuery('2:26-cv-00123', { typing: false }).match).toBe('"2 26 cv 00123"');
    expect(parseQuery('专利权', { typing: false }).match).toBe('"专利 利权"');
    expect(parseQuery('US 10,123,456 B2').match).toBe('"10123456" AND "b2"*');
    expect(parseQuery('-only').match).toBe('');
    // Nothing typed can become FTS5 syntax.
    expect(parseQuery('a" OR NEAR(bc').match).toBe('"a" AND "or" AND "near bc"*');
  });

  it('writes a typed prefix of four letters or more as the words that start it', () => {
    const vocabulary = ['markman', 'markmen', 'market', 'royal', 'royalty'];
    const asked: string[] = [];
    const words = (prefix: string, limit: number) => {
      asked.push(prefix);
      return vocabulary.filter((w) => w.startsWith(prefix)).slice(0, limit);
    };
    const typed = (text: string) => expandPrefixes(parseQuery(text).match, words);
    expect(typed('frand markm')).toBe('"frand" AND ("markman" OR "markmen")');
    expect(typed('royal -draft')).toBe('("royal") NOT ("draft")');
    expect(typed('"lump sum" roya')).toBe('"lump sum" AND ("royal" OR "royalty")');
    // Two and three letters are FTS5's own prefix index; a phrase's last word stays a prefix.
    expect(typed('roy')).toBe('"roy"*');
    expect(typed('2:26-cv-001')).toBe('"2 26 cv 001"*');
    // No word starts it: left as written, so the answer is FTS5's (nothing).
    expect(typed('zzzz')).toBe('"zzzz"*');
    expect(asked).toEqual(['markm', 'roya', 'zzzz']);
    // Too many words: FTS5's prefix search is cheaper than so many terms.
    const many = (prefix: string, limit: number) =>
      Array.from({ length: limit }, (_, i) => `${prefix}${i}`);
    expect(expandPrefixes('"cons"*', many)).toBe('"cons"*');
    const just = (prefix: string) =>
      Array.from({ length: PREFIX_EXPANSION_LIMIT }, (_, i) => `${prefix}${i}`);
    expect(expandPrefixes('"cons"*', just)).toBe(
      `(${just('cons')
        .map((w) => `"${w}"`)
        .join(' OR ')})`,
    );
  });

  it('lists the phrases a row must or may hold, not those after NOT', () => {
    const phrases = (text: string, typing = false) =>
      positivePhrases(parseQuery(text, { typing }).match);
    expect(phrases('"lump sum"')).toEqual([{ words: ['lump', 'sum'], prefix: false }]);
    expect(phrases('US10123456')).toEqual([{ words: ['10123456'], prefix: false }]);
    expect(phrases('交叉许可')).toEqual([{ words: ['交叉', '叉许', '许可'], prefix: false }]);
    expect(phrases('royalty -draft -"term sheet"')).toEqual([
      { words: ['royalty'], prefix: false },
    ]);
    expect(phrases('frand lic', true)).toEqual([
      { words: ['frand'], prefix: false },
      { words: ['lic'], prefix: true },
    ]);
    expect(phrases('"lump sum" royalty -draft').map((p) => p.words)).toEqual([
      ['lump', 'sum'],
      ['royalty'],
    ]);
    // A phrase holding the word NOT, or a quote, is still one phrase.
    expect(positivePhrases('"not a ""quote"" NOT"')).toEqual([
      { words: ['not', 'a', '"quote"', 'NOT'], prefix: false },
    ]);
    expect(positivePhrases('("markman" OR "markmen")')).toHaveLength(2);
    expect(positivePhrases('')).toEqual([]);
  });

  it('reads Markdown as text, keeping punctuation that belongs to words', () => {
    expect(
      markdownToPlainText('## Offer\n\n- **Lump sum** in [2:26-cv-00123](x)\n> co-operation'),
    ).toBe('Offer\n\nLump sum in 2:26-cv-00123\nco-operation');
  });

  it('cuts a snippet around the first match and marks the original characters', () => {
    const text = `${'filler '.repeat(40)}La Société Générale paid the running royalty. ${'more '.repeat(40)}`;
    const segments = snippetOf(text, parseQuery('societe royal'));
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['Société', 'royalty']);
    expect(segments[0]!.text).toBe('… ');
    const cjk = snippetOf('华为与小米达成专利交叉许可', parseQuery('小米'));
    expect(cjk.filter((s) => s.mark).map((s) => s.text)).toEqual(['小米']);
    const patent = snippetOf('asserted US 10,123,456 B2 here', parseQuery('10123456'));
    expect(patent.filter((s) => s.mark).map((s) => s.text)).toEqual(['US 10,123,456']);
  });
});
