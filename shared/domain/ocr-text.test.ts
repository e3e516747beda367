import { describe, expect, it } from 'vitest';
import { cleanOcrText, layoutText, meanConfidence, ocrLanguagesFor } from './ocr-text';

describe('OCR text rules', () => {
  it('follows the document language, reading both when it is unknown', () => {
    expect(ocrLanguagesFor('English')).toEqual(['eng']);
    expect(ocrLanguagesFor('en-GB')).toEqual(['eng']);
    expect(ocrLanguagesFor('Chinese (simplified)')).toEqual(['chi_sim']);
    expect(ocrLanguagesFor('中文')).toEqual(['chi_sim']);
    expect(ocrLanguagesFor('zh-CN')).toEqual(['chi_sim']);
    expect(ocrLanguagesFor('')).toEqual(['eng', 'chi_sim']);
    expect(ocrLanguagesFor('Chinese and English')).toEqual(['eng', 'chi_sim']);
    expect(ocrLanguagesFor('German')).toEqual(['eng', 'chi_sim']);
  });

  it('removes the spaces between Chinese characters and keeps those between words', () => {
    expect(cleanOcrText('华 为 起 诉 小 米 ， 涉 及 专 利 4 项')).toBe(
      '华为起诉小米，涉及专利 4 项',
    );
    expect(cleanOcrText('Huawei v. Xiaomi  \n\n\n\nclaim 1 ')).toBe('Huawei v. Xiaomi\n\nclaim 1');
    expect(cleanOcrText('专利 patent 许可')).toBe('专利 patent 许可');
  });

  it('averages page confidences', () => {
    expect(meanConfidence([90, 95])).toBe(93);
    expect(meanConfidence([])).toBeNull();
  });

  it('joins OCR words as the stored text reads, with where each word starts', () => {
    const { text, starts } = layoutText(['The', 'quokka', '专', '利', '许可', 'ok'], [0, 2]);
    expect(text).toBe('The quokka\n专利许可 ok');
    expect(starts).toEqual([0, 4, 11, 12, 13, 16]);
    expect(text).toBe(cleanOcrText('The quokka\n专 利 许可 ok'));
  });
});
