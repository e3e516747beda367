/**
 * Tesseract's block tree (blocks → paragraphs → lines → words, each with a pixel box) flattened
 * into the compact page layout the database keeps (shared/domain/schemas.ts `ocrLayoutSchema`):
 * the words in reading order, where each line starts, and four integers per word.
 */
import type { Block } from 'tesseract.js';
import type { OcrPageLayout } from './ocr-protocol';

export function layoutFromBlocks(
  blocks: readonly Block[] | null,
  width: number,
  height: number,
): OcrPageLayout {
  const words: string[] = [];
  const lines: number[] = [];
  const boxes: number[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const first = words.length;
        for (const word of line.words) {
          const text = word.text.trim();
          if (!text) continue;
          const { x0, y0, x1, y1 } = word.bbox;
          words.push(text);
          boxes.push(Math.round(x0), Math.round(y0), Math.round(x1), Math.round(y1));
        }
        if (words.length > first) lines.push(first);
      }
    }
  }
  return { width: Math.round(width), height: Math.round(height), words, lines, boxes };
}
