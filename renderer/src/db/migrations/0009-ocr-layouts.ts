/**
 * Version 9: the `ocrLayouts` table, where OCR found each word of each page (the preview's text
 * layer over a scan), one record per page under the compound key [sha256+page], so the preview
 * reads one page and a purge removes a file's pages with one key range. New table only: no record
 * changes shape. Shipped once released; never edit.
 */
import type { Dexie } from 'dexie';

/** The version this one follows. */
export const OCR_LAYOUTS_PREVIOUS_VERSION = 8;
export const OCR_LAYOUTS_VERSION = 9;

export default function version9(db: Dexie): void {
  db.version(OCR_LAYOUTS_VERSION).stores({ ocrLayouts: '[sha256+page]' });
}
