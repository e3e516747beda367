/**
 * The words OCR read from one page of a scan, laid over the rendered page (a PDF page in
 * PdfPreview, an image in DocumentPreview) at the places Tesseract found them, so the scan's text
 * can be selected, copied and found like a text PDF's. Coordinates are pixels of the image OCR
 * read (300 dpi for a PDF page); the layer measures its own width and scales them to it, so any
 * zoom fits. Each word's text is stretched to its box, as pdf.js does for its text layer. With a
 * query, the words it matches are marked as in the Extracted text tab: the matching runs over the
 * page's text as stored (layoutText), so a phrase or a Chinese bigram spanning words is marked too.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { layoutText } from '../../../../shared/domain/ocr-text';
import type { OcrLayout } from '../../../../shared/domain/schemas';
import { parseQuery } from '../../../../shared/search/query';
import { matchRanges } from '../../../../shared/search/snippet';
import { useOcrPageLayout } from './use-ocr-layout';
import './ocr-layer.css';

export type OcrLayerProps = {
  sha256: string;
  page: number;
  /** The search the viewer was opened from: its words are marked. */
  query?: string;
};

export function OcrTextLayer({ sha256, page, query }: OcrLayerProps) {
  const layout = useOcrPageLayout(sha256, page);
  if (!layout || layout.words.length === 0) return null;
  return <LaidOutWords layout={layout} page={page} query={query} />;
}

function LaidOutWords({
  layout,
  page,
  query,
}: {
  layout: OcrLayout;
  page: number;
  query?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { text, starts } = useMemo(() => layoutText(layout.words, layout.lines), [layout]);
  const ranges = useMemo(() => {
    const parsed = query ? parseQuery(query, { typing: false }) : null;
    return parsed ? matchRanges(text, parsed) : [];
  }, [text, query]);
  const scale = width / layout.width;
  const lineStarts = useMemo(() => new Set(layout.lines), [layout]);

  const children: ReactNode[] = [];
  if (scale > 0) {
    layout.words.forEach((word, index) => {
      if (index > 0) {
        // Between words what the page text has, so a selection copies as the text reads.
        children.push(lineStarts.has(index) ? <br key={`b${index}`} /> : ' ');
      }
      const [x0, y0, x1, y1] = layout.boxes.slice(index * 4, index * 4 + 4) as [
        number,
        number,
        number,
        number,
      ];
      const height = Math.max(1, (y1 - y0) * scale);
      const boxWidth = Math.max(1, (x1 - x0) * scale);
      children.push(
        <span
          key={index}
          style={{
            left: x0 * scale,
            top: y0 * scale,
            fontSize: height,
            transform: `scaleX(${boxWidth / textWidth(word, height)})`,
          }}
        >
          {marked(word, starts[index]!, ranges)}
        </span>,
      );
    });
  }
  return (
    <section ref={ref} className="cf-ocr-layer" aria-label={`Text read by OCR on page ${page}`}>
      {children}
    </section>
  );
}

/** The word with the parts a search matched in <mark>; `at` is where it starts in the page text. */
function marked(word: string, at: number, ranges: [number, number][]): ReactNode {
  const end = at + word.length;
  const parts: ReactNode[] = [];
  let from = 0;
  for (const [start, stop] of ranges) {
    if (stop <= at || start >= end) continue;
    const markFrom = Math.max(start, at) - at;
    const markTo = Math.min(stop, end) - at;
    if (markFrom > from) parts.push(word.slice(from, markFrom));
    parts.push(<mark key={markFrom}>{word.slice(markFrom, markTo)}</mark>);
    from = markTo;
  }
  if (parts.length === 0) return word;
  if (from < word.length) parts.push(word.slice(from));
  return parts;
}

let measure: CanvasRenderingContext2D | null = null;

/** The width of `word` in the layer's font at `fontSize` px, to stretch it to its box. */
function textWidth(word: string, fontSize: number): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return word.length * fontSize * 0.5;
  measure.font = `${fontSize}px sans-serif`;
  return Math.max(1, measure.measureText(word).width);
}
