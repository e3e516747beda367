/**
 * "Save as PDF…" and "Print…" for a print route, the same from the options dialog and from the
 * print page's own toolbar. The desktop host renders the route in a hidden window; the browser host
 * prints it in this window (see browser-print.ts).
 */
import type { PageChoices } from '../../../../shared/print-options';
import { host } from '../../host/host';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';

export async function savePdf(route: string, page: PageChoices, suggestedName: string) {
  try {
    const result = await host.savePdf({ route, page, suggestedName });
    if (result.saved) notifyDone('PDF saved', `The summary was saved to ${result.path}.`);
  } catch (error) {
    reportError(error, 'The PDF was not saved');
  }
}

export async function printPages(route: string, page: PageChoices) {
  try {
    await host.printRoute({ route, page });
  } catch (error) {
    reportError(error, 'Nothing was printed');
  }
}
