/**
 * How organisation names are compared. `organisationKey` is strict (case and spacing only): two
 * records may not share it. `organisationMatchKey` is loose, for finding a company however it is
 * written ("Xiaomi Corp." / "XIAOMI CORPORATION" / "Xiaomi Inc"): punctuation and the legal form
 * (Co., Ltd., Inc., GmbH, 有限公司 …) are dropped. It finds candidates; a person decides.
 */

/** The key under which an organisation's name is unique: "Xiaomi  Corp." and "xiaomi corp." match. */
export function organisationKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Legal forms, compared after punctuation is gone ("co ltd", "s a"), longest first. */
const LEGAL_FORMS = [
  'corporation',
  'incorporated',
  'company',
  'limited',
  'corp',
  'inc',
  'co',
  'ltd',
  'llc',
  'llp',
  'lp',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'kk',
  'pty',
  'pte',
  'holdings',
  'group',
  'international',
];

/** Chinese, Japanese and Korean legal forms, written without spaces at the end of the name. */
const CJK_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '集团',
  '集團',
  '公司',
  '株式会社',
  '有限会社',
  '合同会社',
  '주식회사',
];

const formWords = new Set(LEGAL_FORMS);

/** The loose key of one name: "Xiaomi Corp." → "xiaomi"; "华为技术有限公司" → "华为技术". */
export function organisationMatchKey(name: string): string {
  let text = organisationKey(name)
    .replace(/[&]/g, ' and ')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of CJK_FORMS) {
      if (text.endsWith(form) && text.length > form.length) {
        text = text.slice(0, -form.length).trim();
        changed = true;
      }
      if (text.startsWith(form) && text.length > form.length) {
        text = text.slice(form.length).trim();
        changed = true;
      }
    }
    const words = text.split(' ');
    while (words.length > 1 && formWords.has(words[words.length - 1]!)) {
      words.pop();
      changed = true;
    }
    text = words.join(' ');
  }
  return text.replace(/\s+/g, '');
}

/** The loose keys of a name and its aliases, without repeats: what an index lists. */
export function organisationMatchKeys(name: string, aliases: readonly string[] = []): string[] {
  return [...new Set([name, ...aliases].map(organisationMatchKey).filter((k) => k !== ''))];
}
