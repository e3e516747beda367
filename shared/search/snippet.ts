/**
 * A snippet of a result's text around its first match, as plain segments (`mark` says which are
 * matches), so the screen renders text nodes and nothing in a note or filing can become markup.
 * Matching folds case and diacritics like the index does, character by character, so the marked
 * segments are the original characters ("Société" marked for "societe").
 */
import { findPatentNumbers } from './patent-numbers';
import { fold, type ParsedQuery } from './query';

export type SnippetSegment = { text: string; mark: boolean };

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * The folded text with, for each folded character, the index of the original one. Folding one
 * character at a time (normalize, strip marks, lower-case) is most of a snippet's cost, so plain
 * ASCII, which folds to itself lower-cased at the same places, skips it (a whole page at once
 * when it is all ASCII), and any other character is folded once and remembered: a text uses few
 * distinct characters (a Chinese page is hundreds of characters from a few dozen).
 */
function foldWithMap(text: string): { folded: string; map: (at: number) => number } {
  if (ASCII.test(text)) return { folded: text.toLowerCase(), map: (at) => at };
  let folded = '';
  const map: number[] = [];
  let index = 0;
  for (const char of text) {
    let f = char < '\x80' ? char.toLowerCase() : FOLDED.get(char);
    if (f === undefined) {
      f = fold(char);
      FOLDED.set(char, f);
    }
    for (let i = 0; i < f.length; i += 1) map.push(index);
    folded += f;
    index += char.length;
  }
  map.push(index);
  return { folded, map: (at) => map[at]! };
}

const ASCII = /^\p{ASCII}*$/u;
/** Characters already folded; bounded by the characters there are. */
const FOLDED = new Map<string, string>();

/** Every [start, end) range of the original text that a highlight term matches. */
export function matchRanges(
  text: string,
  query: Pick<ParsedQuery, 'highlights' | 'patents'>,
): [number, number][] {
  const ranges: [number, number][] = [];
  if (query.highlights.length > 0) {
    const { folded, map } = foldWithMap(text);
    for (const term of query.highlights) {
      if (!term.text) continue;
      const wordLike = WORD_CHAR.test(term.text) && !/[\p{Script=Han}]/u.test(term.text);
      let from = 0;
      for (;;) {
        const at = folded.indexOf(term.text, from);
        if (at < 0) break;
        from = at + term.text.length;
        if (wordLike) {
          if (at > 0 && WORD_CHAR.test(folded[at - 1]!)) continue;
          if (!term.prefix && from < folded.length && WORD_CHAR.test(folded[from]!)) continue;
          // A prefix marks the whole word it starts ("royal" marks "royalty").
          while (term.prefix && from < folded.length && WORD_CHAR.test(folded[from]!)) from += 1;
        }
        ranges.push([map(at), map(from)]);
      }
    }
  }
  if (query.patents.length > 0) {
    for (const found of findPatentNumbers(text)) {
      if (query.patents.includes(found.digits)) ranges.push([found.start, found.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** About `length` characters of `text` around its first match, split into marked segments. */
export function snippetOf(
  text: string,
  query: Pick<ParsedQuery, 'highlights' | 'patents'>,
  length = 180,
): SnippetSegment[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const ranges = matchRanges(clean, query);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  let end = Math.min(clean.length, start + length);
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const segments: SnippetSegment[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) segments.push({ text: clean.slice(from, to), mark });
  };
  if (start > 0) segments.push({ text: '… ', mark: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    push(at, Math.max(at, from), false);
    push(Math.max(at, from), Math.min(to, end), true);
    at = Math.min(to, end);
  }
  push(at, end, false);
  if (end < clean.length) segments.push({ text: ' …', mark: false });
  return segments;
}
