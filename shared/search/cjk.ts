/**
 * Chinese, Japanese and Korean are written without spaces between words, so SQLite's unicode61
 * tokenizer would see a whole sentence as one token. Before text reaches the index (and before a
 * query does), every run of CJK characters becomes its overlapping two-character pieces
 * ("华为专利" → "华为 为专 专利"): a two-character query such as 专利 is then one token, and a
 * longer one is a phrase of its pieces, which matches the same adjacent pieces in the text.
 */
const CJK_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+/gu;

export function hasCjk(text: string): boolean {
  CJK_RUN.lastIndex = 0;
  return CJK_RUN.test(text);
}

/** The overlapping two-character pieces of one run of CJK characters (a single one stays). */
export function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const pieces: string[] = [];
  for (let i = 0; i < chars.length - 1; i += 1) pieces.push(chars[i]! + chars[i + 1]!);
  return pieces;
}

/** The text as the index sees it: each CJK run replaced by its bigrams, the rest untouched. */
export function bigramCjk(text: string): string {
  return text.replace(CJK_RUN, (run) => ` ${cjkBigrams(run).join(' ')} `);
}
