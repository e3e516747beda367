/**
 * What OCR reads and how its text is cleaned before it is stored. The document's free-text
 * language field picks Tesseract's languages: English, Chinese (simplified), or both when the
 * field says nothing we recognise, since a filing of unknown language read with the wrong model
 * comes out as noise. Tesseract puts a space between every two CJK characters it reads; Chinese
 * is written without them and a search for "专利" must find "专 利", so those spaces go.
 */

export const OCR_LANGUAGES = ['eng', 'chi_sim'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

const CHINESE = /chinese|mandarin|中文|汉语|漢語|简体|^zh\b|^zh[-_]|^chi/i;
const ENGLISH = /english|英文|英语|^en\b|^en[-_]|^eng$/i;

export function ocrLanguagesFor(language: string): OcrLanguage[] {
  const value = language.trim();
  const chinese = CHINESE.test(value);
  const english = ENGLISH.test(value);
  if (chinese && !english) return ['chi_sim'];
  if (english && !chinese) return ['eng'];
  return ['eng', 'chi_sim'];
}

/** CJK ideographs, CJK punctuation and full-width forms. */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'g');

/** Removes the spaces Tesseract leaves between CJK characters, and trailing blanks on lines. */
export function cleanOcrText(text: string): string {
  return text
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The mean of the pages' confidences, rounded, or null when no page was read. */
export function meanConfidence(confidence: readonly number[]): number | null {
  if (confidence.length === 0) return null;
  return Math.round(confidence.reduce((sum, value) => sum + value, 0) / confidence.length);
}

const CJK_AT_END = new RegExp(`[${CJK}]$`);
const CJK_AT_START = new RegExp(`^[${CJK}]`);

/**
 * The text of a page's OCR words as the page text reads: words of a line joined by a space (none
 * between two CJK characters, as `cleanOcrText` stores them), lines by a newline. `starts[i]` is
 * where word i begins in `text`, so a match found in the text can be drawn on the words it covers.
 */
export function layoutText(
  words: readonly string[],
  lines: readonly number[],
): { text: string; starts: number[] } {
  const lineStarts = new Set(lines);
  const starts: number[] = [];
  let text = '';
  words.forEach((word, index) => {
    if (index > 0) {
      if (lineStarts.has(index)) text += '\n';
      else if (!(CJK_AT_END.test(words[index - 1]!) && CJK_AT_START.test(word))) text += ' ';
    }
    starts.push(text.length);
    text += word;
  });
  return { text, starts };
}
