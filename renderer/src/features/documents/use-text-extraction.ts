/**
 * Keeps text extraction going for as long as the app is open: whenever a document is waiting
 * (just attached, or left pending when the app was last closed), a pass starts in the worker.
 * Mounted once, in the app shell, so it runs whichever screen is showing; it looks once the
 * first screen is drawn (ui/first-screen.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/db';
import { useFirstScreenSettled } from '../../ui/first-screen';
import { extractInWorker } from './extract-client';
import { createExtractionRunner } from './extraction-runner';

const runner = createExtractionRunner(db, extractInWorker);

export function useTextExtraction(): void {
  const settled = useFirstScreenSettled();
  const waiting = useLiveQuery(
    () => (settled ? db.documents.where('textStatus').equals('pending').count() : 0),
    [settled],
  );
  useEffect(() => {
    if (waiting) {
      runner.run().catch((error: unknown) => {
        console.error('Casefile could not extract document text', error);
      });
    }
  }, [waiting]);
}
