/**
 * Gets the PDF preview ready before anyone asks for it: fetches its code and starts pdf.js's
 * worker as soon as a dispute's page opens. Starting that worker (about 1 MB of script to fetch
 * and compile) is most of the wait before page 1 of a filing shows, and a dispute's page is
 * where filings are opened, from its Documents tab or by dropping files on it.
 */
import { useEffect } from 'react';

export function usePreviewWarmup(): void {
  useEffect(() => {
    void import('./PdfPreview');
    void import('./pdfjs-main').then(({ warmPdfWorker }) => warmPdfWorker());
  }, []);
}
