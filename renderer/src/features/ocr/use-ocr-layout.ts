import { useLiveQuery } from 'dexie-react-hooks';
import type { OcrLayout } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { ocrPageLayout } from '../../db/repos/ocr-layouts';

/** The OCR word layout of one page of a file: `null` when it has none, `undefined` while loading. */
export function useOcrPageLayout(sha256: string, page: number): OcrLayout | null | undefined {
  return useLiveQuery(async () => (await ocrPageLayout(db, sha256, page)) ?? null, [sha256, page]);
}
