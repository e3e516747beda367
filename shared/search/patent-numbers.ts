/**
 * Patent numbers are written many ways: "US 10,123,456 B2", "US10123456", "10123456",
 * "EP 1 234 567", "CN 1234567 A", "ZL 2019 1 0123456.7". The index stores, beside the words, one
 * extra token per number found: its digits alone (without a Chinese check digit), so a query in
 * any writing, reduced the same way, is one token that matches them all. The country-prefixed
 * form ("us10123456") is stored too, so a pasted "US10123456" (one word) also matches.
 */

const COUNTRY = '(US|EP|CN|ZL|JP|KR|WO|DE|GB|FR|CA|AU|IN|TW)';
/** A country code, then digit groups joined by single separators (spaces, commas, dots, slash). */
const PREFIXED = new RegExp(`(?<![\\p{L}\\p{N}])${COUNTRY}\\s?(\\d+(?:[ ,./]\\d+)*)`, 'giu');
/** A bare US-style number with thousands separators: "10,123,456". */
const GROUPED = /(?<![\p{L}\p{N},.])(\d{1,3}(?:,\d{3}){2,})(?![\p{N}])/gu;

export type PatentNumberMatch = {
  /** Where the writing starts and ends in the text. */
  start: number;
  end: number;
  /** Digits alone, without a trailing ".N" check digit: the token a query is reduced to. */
  digits: string;
  /** Lower-case country code, '' when the writing had none. */
  country: string;
};

function digitsOf(body: string): { digits: string; withCheck: string } {
  const check = /\.(\d)$/.exec(body);
  const main = check ? body.slice(0, -2) : body;
  const digits = main.replace(/\D/g, '');
  return { digits, withCheck: check ? digits + check[1] : digits };
}

/** Every patent-number writing in `text`; numbers shorter than 6 digits are not patents. */
export function findPatentNumbers(text: string): PatentNumberMatch[] {
  const found: PatentNumberMatch[] = [];
  for (const match of text.matchAll(PREFIXED)) {
    const { digits } = digitsOf(match[2]!);
    if (digits.length < 6) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      digits,
      country: match[1]!.toLowerCase(),
    });
  }
  for (const match of text.matchAll(GROUPED)) {
    if (found.some((f) => match.index >= f.start && match.index < f.end)) continue;
    const digits = match[1]!.replace(/\D/g, '');
    found.push({ start: match.index, end: match.index + match[0].length, digits, country: '' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The extra index tokens for every patent number in `text`, space-separated, without repeats. */
export function patentNumberTokens(text: string): string {
  const tokens = new Set<string>();
  for (const match of text.matchAll(PREFIXED)) {
    const { digits, withCheck } = digitsOf(match[2]!);
    if (digits.length < 6) continue;
    const country = match[1]!.toLowerCase();
    tokens
      .add(digits)
      .add(withCheck)
      .add(country + digits);
    if (country === 'zl') tokens.add(`cn${digits}`);
  }
  for (const match of text.matchAll(GROUPED)) tokens.add(match[1]!.replace(/\D/g, ''));
  return [...tokens].join(' ');
}
