/**
 * Turns the sample case file's filings (text in the JSON) into PDF files ready to attach. Runs
 * before the loader's transaction opens: IndexedDB transactions close while other async work is
 * awaited, so the PDFs are written and hashed first.
 */
import type { FileToAttach } from '../../db/repos/document-repo';
import type { SampleDocument } from '../sample/sample-schema';

export async function renderSampleFilings(
  documents: SampleDocument[],
): Promise<Map<SampleDocument, FileToAttach>> {
  const files = new Map<SampleDocument, FileToAttach>();
  if (documents.length === 0) return files;
  const [{ renderSummaryPdf }, { sha256 }] = await Promise.all([
    import('./summary-pdf'),
    import('hash-wasm'),
  ]);
  for (const document of documents) {
    const bytes = await renderSummaryPdf({
      title: document.pdf.heading,
      paragraphs: document.pdf.paragraphs,
      date: new Date(`${document.pdf.date}T00:00:00Z`),
    });
    files.set(document, {
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
      fileName: document.fileName,
      mimeType: 'application/pdf',
      sha256: await sha256(bytes),
    });
  }
  return files;
}
