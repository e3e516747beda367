/**
 * Printing in a plain browser, where there is no hidden window and no PDF writer: the print route
 * replaces the current page, and once it is ready `window.print()` opens the browser's print
 * dialog, whose destinations include "Save as PDF". That dialog takes no header templates, so the
 * confidentiality line and "Page X of Y" go in CSS page-margin boxes for the duration of the job.
 */
import { runningHeaderCss, type PageChoices } from '../../../../shared/print-options';
import { whenPrintReady } from './use-print-ready';

export async function printRouteInThisWindow(route: string, page: PageChoices): Promise<void> {
  const returnTo = window.location.hash;
  window.location.hash = route;
  try {
    await whenPrintReady();
    const style = document.createElement('style');
    style.textContent = runningHeaderCss(page);
    document.head.append(style);
    try {
      // Blocks until the person closes the print dialog.
      window.print();
    } finally {
      style.remove();
    }
  } finally {
    // Replacing, not pushing: Back from the dispute should not land on the print page.
    window.location.replace(returnTo || '#/');
  }
}
