/**
 * Reads the text of every page of a PDF with pdf.js. A PDF whose pages hold no text at all is a
 * scan ("scanned — no text"); one pdf.js cannot open is "could not be read". Neither is an error:
 * the document stays stored and is marked so it can be found later.
 */
import type * as Pdfjs from 'pdfjs-dist';
import type { ExtractionResult } from '../../db/repos/document-repo';
import { openPdfBlob, type OpenedPdf } from './pdf-open';

type TextItem = { str: string; hasEOL?: boolean };

export type PageDone = { pageNumber: number; pageCount: number; ms: number };

export async function extractPdfText(
  pdfjs: typeof Pdfjs,
  blob: Blob,
  onPage: (page: PageDone) => void = () => {},
): Promise<ExtractionResult> {
  let opened: OpenedPdf;
  try {
    opened = await openPdfBlob(pdfjs, blob);
  } catch {
    return { textStatus: 'unreadable', pageCount: null, pages: [] };
  }
  const { document } = opened;
  try {
    const pageCount = document.numPages;
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber += 1) {
      const started = performance.now();
      pages.push(await pageText(document, pageNumber));
      onPage({ pageNumber, pageCount, ms: performance.now() - started });
    }
    const hasText = pages.some((text) => text.trim() !== '');
    return { textStatus: hasText ? 'extracted' : 'scanned', pageCount, pages };
  } catch {
    return { textStatus: 'unreadable', pageCount: null, pages: [] };
  } finally {
    await opened.close();
  }
}

async function pageText(document: Pdfjs.PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await document.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    return (content.items as TextItem[])
      .map((item) => item.str + (item.hasEOL ? '\n' : ''))
      .join('')
      .trim();
  } finally {
    page.cleanup();
  }
}
