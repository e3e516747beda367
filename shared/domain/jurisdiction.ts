/**
 * Where a patent or a proceeding belongs: an ISO 3166-1 country, or one of the offices and courts
 * that are not countries (EP, WO, UPC). Chosen from this list, never typed, so "Narnia" cannot be
 * stored. Names come from `Intl.DisplayNames`, so they follow the platform's data.
 */

/** ISO 3166-1 alpha-2, every officially assigned code (249). */
const ISO_COUNTRIES = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
  BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
  DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
  GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
  MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
  PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
  SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

/** Offices and courts that are not countries, with the names counsel use for them. */
const REGIONAL: Record<string, string> = {
  EP: 'European Patent Office (EP)',
  WO: 'WIPO / PCT (WO)',
  UPC: 'Unified Patent Court (UPC)',
};

export const JURISDICTION_CODES: readonly string[] = [...Object.keys(REGIONAL), ...ISO_COUNTRIES];

const codes = new Set(JURISDICTION_CODES);

export function isJurisdiction(code: string): boolean {
  return codes.has(code);
}

let regionNames: Intl.DisplayNames | undefined;

/** "CN" → "China", "EP" → "European Patent Office (EP)"; an unknown value is shown as it is. */
export function jurisdictionName(code: string): string {
  if (REGIONAL[code]) return REGIONAL[code];
  if (!codes.has(code)) return code;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  return regionNames.of(code) ?? code;
}

/** The list a picker offers: the regional offices first, then countries by name. */
export function jurisdictionOptions(): { value: string; label: string }[] {
  const countries = ISO_COUNTRIES.map((code) => ({ value: code, label: jurisdictionName(code) }));
  countries.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return [
    ...Object.keys(REGIONAL).map((code) => ({ value: code, label: jurisdictionName(code) })),
    ...countries,
  ];
}

const ALIASES: Record<string, string> = {
  EPO: 'EP',
  EUROPE: 'EP',
  'EUROPEAN PATENT': 'EP',
  'EUROPEAN PATENT OFFICE': 'EP',
  PCT: 'WO',
  WIPO: 'WO',
  'UNIFIED PATENT COURT': 'UPC',
  UK: 'GB',
  USA: 'US',
  'UNITED STATES OF AMERICA': 'US',
  PRC: 'CN',
  "PEOPLE'S REPUBLIC OF CHINA": 'CN',
  GERMANY: 'DE',
  KOREA: 'KR',
  'SOUTH KOREA': 'KR',
};

/**
 * The code for a jurisdiction written free-hand before the list existed ("China", "us", "EPO"),
 * or null when it names nothing on the list. Used by the migration and by importers.
 */
export function jurisdictionFromText(text: string): string | null {
  const upper = text.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, ' ');
  if (upper === '') return null;
  if (codes.has(upper)) return upper;
  if (ALIASES[upper]) return ALIASES[upper];
  for (const code of JURISDICTION_CODES) {
    if (jurisdictionName(code).toUpperCase() === upper) return code;
  }
  return null;
}

/**
 * Contracting and extension/validation states of the European Patent Convention: a European
 * patent (an "EP" number) is enforced in their courts, and before the UPC, under its EP number.
 */
export const EP_STATES = new Set(
  `AL AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC ME MK MT NL NO PL PT
   RO RS SE SI SK SM TR BA MA MD TN KH GE LA UPC`
    .trim()
    .split(/\s+/),
);
