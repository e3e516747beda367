import type { Block } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { ocrLayoutSchema } from '../../../../shared/domain/schemas';
import { layoutFromBlocks } from './ocr-layout';

const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({
  text,
  bbox: { x0, y0, x1, y1 },
});

/** Tesseract's tree, cut down to what the layout reads. */
const blocks = [
  {
    paragraphs: [
      {
        lines: [
          { words: [word('Statement', 10, 20, 200.4, 60), word('of', 210, 20, 250, 60)] },
          { words: [word('  ', 0, 0, 1, 1)] },
          { words: [word('claim', 10.6, 80, 120, 120)] },
        ],
      },
    ],
  },
] as unknown as Block[];

describe('the OCR word layout', () => {
  it('keeps the words in reading order, where each line starts, and whole-pixel boxes', () => {
    const layout = layoutFromBlocks(blocks, 2480, 3508);
    expect(layout).toEqual({
      width: 2480,
      height: 3508,
      words: ['Statement', 'of', 'claim'],
      lines: [0, 2],
      boxes: [10, 20, 200, 60, 210, 20, 250, 60, 11, 80, 120, 120],
    });
    expect(ocrLayoutSchema.safeParse({ ...layout, sha256: 'a'.repeat(64), page: 1 }).success).toBe(
      true,
    );
  });

  it('answers an empty layout for a page without text', () => {
    expect(layoutFromBlocks(null, 100, 100).words).toEqual([]);
  });
});
