/**
 * Patent numbers as each office writes them. `parsePatentNumber` checks a number against its
 * office's form and returns it written one way (`display`) plus a `key` that is the same however
 * the number was typed: "US 10,123,456 B2", "US10123456" and "10123456" (jurisdiction US) are one
 * patent, key "US10123456". The kind code (A1, B2 …) is kept in the display but not in the key:
 * it names a publication of the patent, not another patent.
 *
 * The office is the number's own prefix when it has one, else the jurisdiction. A European
 * number may stand under an EPC state or the UPC (the same European patent enforced there), and
 * then keeps its EP key. A number this module cannot read still gets a loose key
 * (`looseKey`), so records written before these checks existed can be compared without failing.
 */
import { EP_STATES, isJurisdiction, jurisdictionName } from './jurisdiction';

export type ParsedPatentNumber = {
  /** The office whose numbering applies: "US", "EP", "CN", … */
  office: string;
  /** The number as the office writes it: "US 10,123,456 B2". */
  display: string;
  /** The same patent however typed: "US10123456". */
  key: string;
  /** The jurisdiction the number implies when none was chosen. */
  jurisdiction: string;
};

export type PatentNumberResult =
  { ok: true; value: ParsedPatentNumber } | { ok: false; message: string };

/** The expected form per office, shown whenever a number does not fit it. */
export const EXAMPLES: Record<string, string> = {
  US: 'US 10,123,456 B2 (a granted patent), US D912,345 (a design) or US 2019/0123456 A1 (an application)',
  EP: 'EP 1 234 567 B1: seven digits',
  CN: 'CN 102123456 B (a publication) or ZL 2019 1 0123456.7 (a patent number with its check digit)',
  JP: 'JP 6123456 B2 (a granted patent) or JP 2019-123456 A (an application)',
  KR: 'KR 10-1234567 B1 (a registration) or KR 10-2019-0012345 A (an application)',
  DE: 'DE 10 2019 123 456 B4, or an older DE 19612345 C2',
  GB: 'GB 2 512 345 B: seven digits',
  FR: 'FR 3 012 345 B1: seven digits',
  WO: 'WO 2019/123456 A1, or a PCT application such as PCT/CN2019/123456',
  UPC: 'the European patent’s number, such as EP 3 456 789 B1',
};

const KIND = /^(.*?\d)\s*([A-Z]\d?)$/;

const fail = (message: string): PatentNumberResult => ({ ok: false, message });

function expected(office: string): string {
  const example = EXAMPLES[office];
  return example
    ? `Not a valid ${office === 'UPC' ? 'UPC (European)' : office} patent number. Write it as ${example}.`
    : `Write the number as the ${jurisdictionName(office)} office does, with its digits, such as ${office} 2019123456.`;
}

/** "10123456" → "10,123,456". */
function thousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1234567" → "1 234 567" (the EPO's, GB's and FR's way). */
function spaced(digits: string): string {
  return `${digits.slice(0, digits.length - 6)} ${digits.slice(-6, -3)} ${digits.slice(-3)}`;
}

type Body = { body: string; kind: string };

function splitKind(rest: string): Body {
  const match = KIND.exec(rest);
  return match ? { body: match[1]!, kind: match[2]! } : { body: rest, kind: '' };
}

const digitsOnly = (text: string) => text.replace(/[\s,.\-/]/g, '');
const withKind = (display: string, kind: string) => (kind ? `${display} ${kind}` : display);

function parseFor(office: string, rest: string): { display: string; key: string } | null {
  if (office === 'CN' && /^ZL|^\d{8}(\d{4})?\.[\dX]$/.test(rest.replace(/\s/g, '')))
    return chineseZl(rest);
  if (office === 'WO' && rest.startsWith('PCT')) return pctApplication(rest);
  const { body: rawBody, kind } = splitKind(rest);
  if (office === 'US') return unitedStates(rawBody, kind);
  const body = digitsOnly(rawBody);
  if (!/^\d+$/.test(body)) return null;
  switch (office) {
    case 'EP':
    case 'UPC':
      return body.length === 7
        ? { display: withKind(`EP ${spaced(body)}`, kind), key: `EP${body}` }
        : null;
    case 'GB':
    case 'FR':
      return body.length === 7 || (office === 'GB' && body.length === 6)
        ? { display: withKind(`${office} ${spaced(body)}`, kind), key: `${office}${body}` }
        : null;
    case 'CN':
      return body.length >= 7 && body.length <= 9
        ? { display: withKind(`CN ${body}`, kind), key: `CN${body}` }
        : null;
    case 'JP':
      if (body.length === 7) return { display: withKind(`JP ${body}`, kind), key: `JP${body}` };
      if (body.length === 10 && /^(19|20)/.test(body)) {
        const display = `JP ${body.slice(0, 4)}-${body.slice(4)}`;
        return { display: withKind(display, kind), key: `JP${body}` };
      }
      return null;
    case 'KR': {
      const full = body.length === 7 ? `10${body}` : body;
      if (full.length === 9 && /^[123]0/.test(full)) {
        const display = `KR ${full.slice(0, 2)}-${full.slice(2)}`;
        return { display: withKind(display, kind), key: `KR${full}` };
      }
      if (full.length === 13 && /^[123]0(19|20)/.test(full)) {
        const display = `KR ${full.slice(0, 2)}-${full.slice(2, 6)}-${full.slice(6)}`;
        return { display: withKind(display, kind), key: `KR${full}` };
      }
      return null;
    }
    case 'DE':
      if (body.length === 7 || body.length === 8)
        return { display: withKind(`DE ${body}`, kind), key: `DE${body}` };
      if (body.length === 12) {
        const display = `DE ${body.slice(0, 2)} ${body.slice(2, 6)} ${body.slice(6, 9)} ${body.slice(9)}`;
        return { display: withKind(display, kind), key: `DE${body}` };
      }
      return null;
    case 'WO':
      if (body.length === 10 && /^(19|20)/.test(body)) {
        const display = `WO ${body.slice(0, 4)}/${body.slice(4)}`;
        return { display: withKind(display, kind), key: `WO${body}` };
      }
      if (body.length === 7) {
        const display = `WO ${body.slice(0, 2)}/${body.slice(2)}`;
        return { display: withKind(display, kind), key: `WO${body}` };
      }
      return null;
    default:
      // Offices without a rule here: digits as the office writes them, at least four of them.
      return body.length >= 4 && body.length <= 15
        ? { display: withKind(`${office} ${body}`, kind), key: `${office}${body}` }
        : null;
  }
}

function unitedStates(rawBody: string, kind: string) {
  const compact = rawBody.replace(/[\s,.]/g, '');
  const special = /^(D|RE|PP|H|T)(\d{1,6})$/.exec(compact);
  if (special) {
    const [, series, digits] = special;
    return {
      display: withKind(`US ${series}${thousands(digits!)}`, kind),
      key: `US${series}${digits}`,
    };
  }
  const body = compact.replace(/[-/]/g, '');
  if (!/^\d+$/.test(body)) return null;
  if (body.length === 7 || body.length === 8) {
    return { display: withKind(`US ${thousands(body)}`, kind), key: `US${body}` };
  }
  if (body.length === 11 && /^20/.test(body)) {
    const display = `US ${body.slice(0, 4)}/${body.slice(4)}`;
    return { display: withKind(display, kind), key: `US${body}` };
  }
  return null;
}

/** ZL 2019 1 0123456.7: year, type, serial and a check digit (0–9 or X); older ZL 98 1 23456.7. */
function chineseZl(rest: string) {
  const match = /^(?:ZL)?\s*([\d\s]+?)\s*\.\s*([\dX])$/.exec(rest);
  if (!match) return null;
  const digits = match[1]!.replace(/\s/g, '');
  const check = match[2]!;
  if (digits.length === 12) {
    const display = `ZL ${digits.slice(0, 4)} ${digits.slice(4, 5)} ${digits.slice(5)}.${check}`;
    return { display, key: `CNZL${digits}${check}` };
  }
  if (digits.length === 8) {
    const display = `ZL ${digits.slice(0, 2)} ${digits.slice(2, 3)} ${digits.slice(3)}.${check}`;
    return { display, key: `CNZL${digits}${check}` };
  }
  return null;
}

/** PCT/CN2019/123456: receiving office, year, serial. */
function pctApplication(rest: string) {
  const match = /^PCT\s*\/\s*([A-Z]{2})\s*(\d{4}|\d{2})\s*\/\s*(\d{5,6})$/.exec(rest);
  if (!match) return null;
  const [, office, year, serial] = match;
  return { display: `PCT/${office}${year}/${serial}`, key: `PCT${office}${year}${serial}` };
}

/** The office a number's own prefix names, and what follows it. */
function prefixOf(text: string): { office: string | null; rest: string } {
  const japanese = /^特許第?\s*([\d,]+)\s*号?$/.exec(text);
  if (japanese) return { office: 'JP', rest: japanese[1]! };
  if (/^ZL/.test(text)) return { office: 'CN', rest: text };
  if (/^PCT\s*\//.test(text)) return { office: 'WO', rest: text.replace(/\s+/g, '') };
  const match = /^([A-Z]{2})[\s\-.]*(?=\d|D\d|RE\d|PP\d|[HT]\d)(.*)$/.exec(text);
  if (match && isJurisdiction(match[1]!) && match[1] !== 'UPC') {
    return { office: match[1]!, rest: match[2]!.trim() };
  }
  return { office: null, rest: text };
}

/**
 * Checks a patent number for the chosen jurisdiction ('' when none is chosen yet). The message of
 * a refusal says what form the office uses.
 */
export function parsePatentNumber(number: string, jurisdiction: string): PatentNumberResult {
  const text = number.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === '') return fail('Enter the patent number.');
  const { office: prefix, rest } = prefixOf(text);
  if (prefix && jurisdiction && prefix !== jurisdiction) {
    const europeanHere = prefix === 'EP' && EP_STATES.has(jurisdiction);
    if (!europeanHere) {
      return fail(
        `This is a ${prefix} number but the jurisdiction is ${jurisdictionName(jurisdiction)}. Change the number or the jurisdiction.`,
      );
    }
  }
  const office = prefix ?? jurisdiction;
  if (!office) {
    return fail(
      'Choose the jurisdiction, or write the number with its office code, such as US 10,123,456 B2 or EP 1 234 567 B1.',
    );
  }
  const parsed = parseFor(office, rest);
  if (!parsed) return fail(expected(office === 'EP' && jurisdiction === 'UPC' ? 'UPC' : office));
  const implied = office === 'UPC' ? 'EP' : office;
  return {
    ok: true,
    value: { office: implied, ...parsed, jurisdiction: jurisdiction || implied },
  };
}

/**
 * The key that makes one patent of however its number was written. Numbers this module cannot
 * read (kept from before the checks) get a loose key of office and letters and digits, so two
 * records typed identically still match. Null when there is no number.
 */
export function patentNumberKey(number: string, jurisdiction: string): string | null {
  if (number.trim() === '') return null;
  const parsed = parsePatentNumber(number, jurisdiction);
  if (parsed.ok) return parsed.value.key;
  return looseKey(number, jurisdiction);
}

export function looseKey(number: string, jurisdiction: string): string {
  const compact = number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return `~${jurisdiction.toUpperCase()}:${compact}`;
}
