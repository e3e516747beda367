/**
 * Gets the PDF preview ready before anyone asks for it: fetches its code and starts pdf.js's
 * worker once the Documents tab is drawn and the window is idle. Starting that worker (about 1 MB
 * of script to fetch and compile) is most of the wait before page 1 of a filing shows, and filings
 * are opened from the Documents tab (a drop on the dispute's page and a search result lead there
 * too). Not on the dispute's page as a whole: there it competed with the first opening of
 * whichever tab came first, on a machine with few cores.
 */
import { useIdleWarmup } from '../../ui/use-idle-warmup';

function warmPreview(): boolean {
  void import('./PdfPreview');
  void import('./pdfjs-main').then(({ warmPdfWorker }) => warmPdfWorker());
  return true;
}

/** `ready` once the tab's table is drawn: the warm-up is not to delay it. */
export function usePreviewWarmup(ready: boolean): void {
  useIdleWarmup(warmPreview, ready);
}
