/**
 * Keeps text extraction going for as long as the app is open: whenever a document is waiting
 * (just attached, or left pending when the app was last closed), a pass starts in the worker.
 * Mounted once, in the app shell, so it runs whichever screen is showing.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/db';
import { extractInWorker } from './extract-client';
import { createExtractionRunner } from './extraction-runner';

const runner = createExtractionRunner(db, extractInWorker);

export function useTextExtraction(): void {
  const waiting = useLiveQuery(() => db.documents.where('textStatus').equals('pending').count());
  useEffect(() => {
    if (waiting) {
      runner.run().catch((error: unknown) => {
        console.error('Casefile could not extract document text', error);
      });
    }
  }, [waiting]);
}
