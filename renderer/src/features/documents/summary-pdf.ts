/**
 * Writes a short text document as a real PDF with pdf-lib: a heading and wrapped paragraphs on
 * A4 pages, with a text layer pdf.js can extract. The sample case file uses it for its filing,
 * so the preview and the extracted text can be seen right after opening the sample. The output
 * is byte-for-byte repeatable (fixed dates, no generated metadata), so loading the sample twice
 * stores one file. Loaded with a dynamic import: pdf-lib is not needed until then.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

export type SummaryPdf = {
  title: string;
  paragraphs: string[];
  /** Fixed creation date, so the same text always gives the same bytes. */
  date: Date;
};

const PAGE = { width: 595.28, height: 841.89, margin: 64 };

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || line === '') line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderSummaryPdf({
  title,
  paragraphs,
  date,
}: SummaryPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(title);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;

  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const draw = (lines: string[], font: PDFFont, size: number, after: number) => {
    for (const text of lines) {
      if (y - size < PAGE.margin) {
        page = pdf.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      y -= size * 1.35;
      page.drawText(text, { x: PAGE.margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
    y -= after;
  };

  draw(wrap(title, bold, 16, width), bold, 16, 14);
  for (const paragraph of paragraphs) draw(wrap(paragraph, regular, 11, width), regular, 11, 9);
  return pdf.save({ useObjectStreams: false });
}
