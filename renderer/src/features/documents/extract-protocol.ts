/** The messages between the extraction client and the extraction worker (extract.worker.ts). */
import type { ExtractionResult } from '../../db/repos/document-repo';

export type ExtractRequest = { id: number; blob: Blob };

export type ExtractResponse =
  | { id: number; type: 'page'; pageNumber: number; pageCount: number; ms: number }
  | { id: number; type: 'done'; result: ExtractionResult };
