/**
 * Keeps OCR going while the app is open, like text extraction: whenever a file is "scanned — no
 * text" or its OCR job is queued (just attached, resumed, or left half-read when the app closed),
 * a pass starts. Mounted once, in the app shell; it looks once the first screen is drawn. The number of workers is the `ocr.workers`
 * setting (1 unless set: OCR keeps a core busy for seconds per page).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/db';
import { useFirstScreenSettled } from '../../ui/first-screen';
import { createOcrClient, tesseractAssetsUrl, type OcrClient } from './ocr-client';
import { createOcrRunner, type OcrRunner, type PageReader } from './ocr-runner';

export const OCR_WORKERS_SETTING = 'ocr.workers';
const OCR_DPI = 300;

function readerFor(client: OcrClient): PageReader {
  return (request, { signal, onProgress }) =>
    client.request(
      { ...request, assetsUrl: tesseractAssetsUrl(), dpi: OCR_DPI },
      { signal, onProgress },
    );
}

let runner: OcrRunner | null = null;

async function ocrRunner(): Promise<OcrRunner> {
  if (runner) return runner;
  const setting = (await db.settings.get(OCR_WORKERS_SETTING))?.value;
  const workers =
    typeof setting === 'number' && setting >= 1 ? Math.min(4, Math.floor(setting)) : 1;
  const readers = Array.from({ length: workers }, () => readerFor(createOcrClient()));
  runner ??= createOcrRunner(db, readers);
  return runner;
}

export async function cancelDocumentOcr(sha256: string): Promise<void> {
  await (await ocrRunner()).cancel(sha256);
}

export function useOcr(): void {
  const settled = useFirstScreenSettled();
  const waiting = useLiveQuery(async () => {
    if (!settled) return '0/0';
    const scanned = await db.documents.where('textStatus').equals('scanned').count();
    const queued = await db.ocrJobs.where('state').equals('queued').count();
    return `${scanned}/${queued}`;
  }, [settled]);
  useEffect(() => {
    if (waiting && waiting !== '0/0') {
      ocrRunner()
        .then((r) => r.run())
        .catch((error: unknown) => console.error('Casefile could not run OCR', error));
    }
  }, [waiting]);
}
