/**
 * How a print route tells whoever prints it that it is complete: `<html data-print-ready>` is
 * "true" once its data has rendered, or "error" with the reason in `data-print-error`. The desktop
 * app polls it from the main process and the browser host watches it before `window.print()`.
 */
import { useEffect } from 'react';

export type PrintState =
  { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

export function usePrintReady(status: PrintState, title: string) {
  const message = status.state === 'error' ? status.message : '';
  useEffect(() => {
    const root = document.documentElement;
    const previousTitle = document.title;
    // The browser's "Save as PDF" suggests the document title as the file name.
    document.title = title;
    if (status.state === 'loading') delete root.dataset.printReady;
    else root.dataset.printReady = status.state === 'ready' ? 'true' : 'error';
    if (message) root.dataset.printError = message;
    return () => {
      delete root.dataset.printReady;
      delete root.dataset.printError;
      document.title = previousTitle;
    };
  }, [status.state, message, title]);
}

/** Resolves when the current print route is ready; rejects with its reason or after a timeout. */
export function whenPrintReady(timeoutMs = 30_000): Promise<void> {
  const root = document.documentElement;
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = root.dataset.printReady;
      if (state === 'true') return finish(() => resolve());
      if (state === 'error') {
        return finish(() =>
          reject(new Error(root.dataset.printError ?? 'The page could not be prepared.')),
        );
      }
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              'The pages to print were not ready in time, so nothing was printed. Try again.',
            ),
          ),
        ),
      timeoutMs,
    );
    function finish(settle: () => void) {
      observer.disconnect();
      clearTimeout(timer);
      settle();
    }
    observer.observe(root, { attributes: true, attributeFilter: ['data-print-ready'] });
    check();
  });
}
