/** What the page asks of the OCR worker (one page per request) and what it answers. */
import type { OcrLanguage } from '../../../../shared/domain/ocr-text';

export type OcrRequest = {
  blob: Blob;
  /** A PDF is rendered page by page; an image is read whole (page 1). */
  kind: 'pdf' | 'image';
  pageNumber: number;
  languages: OcrLanguage[];
  /** Absolute URL of the folder the app serves Tesseract's files from (see tesseract-assets). */
  assetsUrl: string;
  /** Rendering resolution for PDF pages. */
  dpi: number;
};

export type OcrPageResult = {
  text: string;
  /** Tesseract's mean confidence for the page, 0–100. */
  confidence: number;
  pageCount: number;
};

export type OcrProgress = { stage: 'loading' | 'rendering' | 'recognising'; fraction: number };
