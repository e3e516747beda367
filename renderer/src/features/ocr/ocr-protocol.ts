/** What the page asks of the OCR worker (one page per request) and what it answers. */
import type { OcrLanguage } from '../../../../shared/domain/ocr-text';
import type { OcrLayout } from '../../../../shared/domain/schemas';

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
  /** Where each word was found, for the preview's text layer. */
  layout: OcrPageLayout;
};

/** A page's word layout as the worker answers it (the database adds the file and page). */
export type OcrPageLayout = Omit<OcrLayout, 'sha256' | 'page'>;

export type OcrProgress = { stage: 'loading' | 'rendering' | 'recognising'; fraction: number };
