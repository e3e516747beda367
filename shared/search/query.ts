/**
 * The search box's language, parsed into FTS5's: every word must match; "exact phrases" in
 * quotes; `-word` or `-"a phrase"` excludes; the last word is a prefix while it is being typed
 * (no space after it yet). A word with inner punctuation ("2:26-cv-00123", "co-operation") is a
 * phrase of its parts, which is how the index's tokenizer split the text. CJK text becomes a
 * phrase of its bigrams (./cjk.ts) and a patent number in any writing becomes its digits
 * (./patent-numbers.ts). Every token reaches FTS5 inside double quotes, so nothing a person types
 * can be read as FTS5 syntax.
 */
import { cjkBigrams } from './cjk';
import { findPatentNumbers } from './patent-numbers';

export type QueryClause = {
  /** Tokens that must appear next to each other, in order (one token for a plain word). */
  tokens: string[];
  /** The last token may be the start of a longer word. */
  prefix: boolean;
  negated: boolean;
};

export type ParsedQuery = {
  clauses: QueryClause[];
  /** The FTS5 MATCH expression, or '' when nothing positive was asked for. */
  match: string;
  /** What to mark in snippets: folded tokens (CJK runs whole), with the prefix flag. */
  highlights: { text: string; prefix: boolean }[];
  /** Patent numbers asked for, as digits: snippets mark every writing of them. */
  patents: string[];
};

const CJK_OR_WORD =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+)|([\p{L}\p{N}\p{M}]+)/gu;

/** Folds case and diacritics the way unicode61 with remove_diacritics 2 does. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Splits one written word or phrase into index tokens (CJK runs into bigrams). */
export function tokensOf(text: string): { tokens: string[]; cjkRuns: string[]; words: string[] } {
  const tokens: string[] = [];
  const cjkRuns: string[] = [];
  const words: string[] = [];
  for (const match of text.matchAll(CJK_OR_WORD)) {
    if (match[1]) {
      tokens.push(...cjkBigrams(match[1]));
      cjkRuns.push(match[1]);
    } else {
      const word = fold(match[2]!);
      if (word) {
        tokens.push(word);
        words.push(word);
      }
    }
  }
  return { tokens, cjkRuns, words };
}

type RawPart = { text: string; quoted: boolean; negated: boolean; patent?: string };

function splitRaw(input: string): RawPart[] {
  // Patent numbers first: their writings contain spaces that would split them into words.
  let rest = input;
  const parts: RawPart[] = [];
  const patents = findPatentNumbers(input).filter((p) => p.end - p.start > 0);
  for (const found of [...patents].reverse()) {
    const before = rest.slice(0, found.start);
    const negated = /-\s*$/.test(before) && !/\S-\s*$/.test(before);
    parts.push({ text: found.digits, quoted: false, negated, patent: found.digits });
    rest = (negated ? before.replace(/-\s*$/, '') : before) + ' ' + rest.slice(found.end);
  }
  parts.reverse();
  const pattern = /(-?)"([^"]*)("?)|(\S+)/g;
  for (const match of rest.matchAll(pattern)) {
    if (match[4] !== undefined) {
      const negated = match[4].startsWith('-') && match[4].length > 1;
      parts.push({ text: negated ? match[4].slice(1) : match[4], quoted: false, negated });
    } else {
      parts.push({ text: match[2]!, quoted: match[3] === '"', negated: match[1] === '-' });
    }
  }
  return parts;
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

function clauseToFts(clause: QueryClause): string {
  const phrase = quote(clause.tokens.join(' '));
  return clause.prefix ? `${phrase}*` : phrase;
}

/**
 * Parses what was typed. `typing` says the person is still typing, so the last unquoted word is a
 * prefix unless a space follows it.
 */
export function parseQuery(input: string, options: { typing?: boolean } = {}): ParsedQuery {
  const typing = options.typing ?? true;
  const clauses: QueryClause[] = [];
  const highlights: ParsedQuery['highlights'] = [];
  const patents: string[] = [];
  const parts = splitRaw(input);
  const endsOpen = typing && /[^\s"]$/.test(input);
  parts.forEach((part, index) => {
    const { tokens, cjkRuns, words } = part.patent
      ? { tokens: [part.patent], cjkRuns: [], words: [] }
      : tokensOf(part.text);
    if (tokens.length === 0) return;
    const last = index === parts.length - 1;
    const lastIsWord = words.length > 0 && tokens[tokens.length - 1] === words[words.length - 1];
    const open = last && endsOpen && !part.quoted && !part.patent && !part.negated && lastIsWord;
    // One letter being typed is not yet a prefix ("r*" is every word starting with r, a scan of
    // the whole index that would answer nothing a person reads; the prefix index covers 2 and 3).
    // After other words it is not yet a word either: "royalty c" on the way to "royalty cap"
    // answers as "royalty" until a second letter, not "Nothing found" for a word "c". Alone, it
    // is the word (a clause's letter, "c").
    const oneLetter = open && words[words.length - 1]!.length < 2;
    if (oneLetter && (tokens.length > 1 || clauses.length > 0)) {
      tokens.pop();
      words.pop();
    }
    if (tokens.length === 0) return;
    const prefix = open && !oneLetter;
    clauses.push({ tokens, prefix, negated: part.negated });
    if (part.negated) return;
    if (part.patent) patents.push(part.patent);
    // Bare digits may be a patent number written with separators in the text.
    else if (tokens.length === 1 && /^\d{6,}$/.test(tokens[0]!)) patents.push(tokens[0]!);
    for (const run of cjkRuns) highlights.push({ text: run, prefix: false });
    words.forEach((word, i) =>
      highlights.push({ text: word, prefix: prefix && i === words.length - 1 }),
    );
  });
  const positive = clauses.filter((c) => !c.negated).map(clauseToFts);
  const negative = clauses.filter((c) => c.negated).map(clauseToFts);
  let match = positive.join(' AND ');
  if (match && negative.length > 0) match = `(${match}) NOT (${negative.join(' OR ')})`;
  return { clauses, match, highlights, patents };
}

/**
 * How many words a typed prefix may stand for before it is left to FTS5 as a prefix. Up to this
 * many, each word is its own term, which FTS5 reads newest first and stops early; past it (a short
 * prefix of a common stem), FTS5's own prefix search is cheaper than so many terms.
 */
export const PREFIX_EXPANSION_LIMIT = 24;

/**
 * Rewrites each one-word prefix of `match` ("markm"*) as the words of the index that start with it
 * (("markman" OR "markmen")), asking `wordsStartingWith` for at most PREFIX_EXPANSION_LIMIT + 1
 * of them. FTS5 answers a prefix it has no prefix index for (ours holds 2 and 3 letters) by merging
 * every such word's whole list of rows before it can return the first, once per statement; the
 * same words as terms are read newest first and only as far as the candidates go. A prefix no word
 * starts with, one that starts too many, and a phrase ending in a prefix stay as written.
 */
export function expandPrefixes(
  match: string,
  wordsStartingWith: (prefix: string, limit: number) => string[],
): string {
  return match.replace(/"([^"\s]{4,})"\*/g, (written, prefix: string) => {
    const words = wordsStartingWith(prefix, PREFIX_EXPANSION_LIMIT + 1);
    if (words.length === 0 || words.length > PREFIX_EXPANSION_LIMIT) return written;
    return `(${words.map(quote).join(' OR ')})`;
  });
}

/**
 * The phrases of a MATCH expression written by parseQuery (and expandPrefixes) that a row must or
 * may contain, in their order: those before its NOT, each with its words and whether it ends in a
 * prefix. What a ranking function needs to know of them (see bm25-given.ts).
 */
export function positivePhrases(match: string): { words: string[]; prefix: boolean }[] {
  const phrases: { words: string[]; prefix: boolean }[] = [];
  // Quoted phrases are read whole ("" is a quote inside one), so a NOT inside a phrase is a word.
  for (const [token, inside, star] of match.matchAll(/"((?:[^"]|"")*)"(\*?)|\bNOT\b/g)) {
    if (token === 'NOT') break;
    phrases.push({
      words: inside!.replace(/""/g, '"').split(' ').filter(Boolean),
      prefix: star === '*',
    });
  }
  return phrases;
}
