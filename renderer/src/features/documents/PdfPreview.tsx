/**
 * A PDF shown page by page: previous/next and a page number field, zoom, and pdf.js's text layer
 * over the rendered page so text can be selected and copied. The file is opened through a range
 * transport (pdf-open.ts), so page 1 of a very large filing shows without reading all of it.
 * A scan has no text layer of its own: the words OCR read are laid over it instead (OcrTextLayer).
 */
import { Alert, Button, Group, Loader, NumberInput, Stack, Text } from '@mantine/core';
import type * as Pdfjs from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseQuery, type ParsedQuery } from '../../../../shared/search/query';
import { OcrTextLayer } from '../ocr/OcrTextLayer';
import { openPdfBlob, type OpenedPdf } from './pdf-open';
import { markTextLayer } from './pdf-marks';
import './pdf-preview.css';

type PdfjsModule = typeof Pdfjs;

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

type Loaded = { pdfjs: PdfjsModule; document: Pdfjs.PDFDocumentProxy };

/** The file whose OCR words to lay over its pages, and the search to mark in them. */
export type OcrLayerSource = { sha256: string; query?: string };

export function PdfPreview({
  blob,
  title,
  at,
  ocr,
}: {
  blob: Blob;
  title: string;
  /** Opened from a search: start on this page and mark these words on every page. */
  at?: { page: number; query: string } | null;
  ocr?: OcrLayerSource;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [pageNumber, setPageNumber] = useState(at && at.page > 0 ? at.page : 1);
  const query = at?.query;
  const marks = useMemo(() => (query ? parseQuery(query, { typing: false }) : null), [query]);
  const [zoom, setZoom] = useState(1);

  useEffect(() => {
    let cancelled = false;
    let opened: OpenedPdf | null = null;
    void (async () => {
      try {
        const { pdfjs, pdfWorker } = await import('./pdfjs-main');
        opened = await openPdfBlob(pdfjs, blob, pdfWorker());
        if (cancelled) void opened.close();
        else setLoaded({ pdfjs, document: opened.document });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [blob]);

  if (failed) {
    return (
      <Alert color="orange" title="This PDF could not be read">
        The file is stored as it was attached, but it is damaged or not really a PDF, so it cannot
        be shown here. Try “Open with system app”, or attach a good copy.
      </Alert>
    );
  }
  if (!loaded) return <Loader aria-label="Loading the preview" />;

  const pageCount = loaded.document.numPages;
  // A page beyond the end (the file changed since it was indexed) shows its first page.
  if (pageNumber > pageCount) setPageNumber(1);
  const zoomIndex = ZOOM_STEPS.indexOf(zoom);
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap" role="toolbar" aria-label="Preview controls">
        <Button
          variant="default"
          size="xs"
          onClick={() => setPageNumber((n) => Math.max(1, n - 1))}
          disabled={pageNumber <= 1}
        >
          Previous page
        </Button>
        <NumberInput
          label="Page"
          size="xs"
          w={110}
          min={1}
          max={pageCount}
          value={pageNumber}
          onChange={(value) => {
            const n = Number(value);
            if (Number.isInteger(n) && n >= 1 && n <= pageCount) setPageNumber(n);
          }}
          rightSection={<Text size="xs">/ {pageCount}</Text>}
          rightSectionWidth={50}
        />
        <Button
          variant="default"
          size="xs"
          onClick={() => setPageNumber((n) => Math.min(pageCount, n + 1))}
          disabled={pageNumber >= pageCount}
        >
          Next page
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={() => setZoom(ZOOM_STEPS[Math.max(0, zoomIndex - 1)]!)}
          disabled={zoomIndex <= 0}
        >
          Zoom out
        </Button>
        <Text size="sm" aria-live="polite" aria-label="Zoom level">
          {Math.round(zoom * 100)}%
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={() => setZoom(ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, zoomIndex + 1)]!)}
          disabled={zoomIndex >= ZOOM_STEPS.length - 1}
        >
          Zoom in
        </Button>
      </Group>
      {/* Focusable, so a keyboard can scroll a zoomed page too (WCAG 2.1.1; axe's
          scrollable-region-focusable), which the lint rule below does not know about. */}
      <section
        aria-label={`Preview of ${title}`}
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        style={{ overflow: 'auto', maxHeight: '75vh', padding: 8 }}
      >
        {/* A page or zoom change is a fresh page view, drawn from scratch. */}
        <PdfPage
          key={`${pageNumber}@${zoom}`}
          loaded={loaded}
          pageNumber={pageNumber}
          zoom={zoom}
          title={title}
          marks={marks}
          ocr={ocr}
        />
      </section>
    </Stack>
  );
}

function PdfPage({
  loaded,
  pageNumber,
  zoom,
  title,
  marks,
  ocr,
}: {
  loaded: Loaded;
  pageNumber: number;
  zoom: number;
  title: string;
  marks: ParsedQuery | null;
  ocr?: OcrLayerSource;
}) {
  const pageRef = useRef<HTMLElement>(null);
  // pdf.js draws into this one; React's children of the page (the OCR layer) stay its own.
  const drawRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState(false);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const container = pageRef.current;
    const drawing = drawRef.current;
    if (!container || !drawing) return;
    let cancelled = false;
    let renderTask: Pdfjs.RenderTask | null = null;
    let textLayer: Pdfjs.TextLayer | null = null;
    void (async () => {
      try {
        const page = await loaded.document.getPage(pageNumber);
        if (cancelled) return;
        // CSS pixels are 96 per inch, PDF points 72.
        const viewport = page.getViewport({ scale: (zoom * 96) / 72 });
        const outputScale = window.devicePixelRatio || 1;
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * outputScale);
        canvas.height = Math.floor(viewport.height * outputScale);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.setAttribute('aria-hidden', 'true');
        const textDiv = document.createElement('div');
        textDiv.className = 'textLayer';
        drawing.replaceChildren(canvas, textDiv);
        container.style.width = `${Math.floor(viewport.width)}px`;
        container.style.height = `${Math.floor(viewport.height)}px`;
        container.style.setProperty('--total-scale-factor', String(viewport.scale));
        renderTask = page.render({
          canvas,
          canvasContext: canvas.getContext('2d')!,
          viewport,
          transform: outputScale === 1 ? undefined : [outputScale, 0, 0, outputScale, 0, 0],
        });
        textLayer = new loaded.pdfjs.TextLayer({
          textContentSource: page.streamTextContent(),
          container: textDiv,
          viewport,
        });
        await Promise.all([renderTask.promise, textLayer.render()]);
        if (marks) markTextLayer(textDiv, marks);
        if (!cancelled) setRendered(true);
      } catch (caught) {
        if (!cancelled && !(caught instanceof loaded.pdfjs.RenderingCancelledException)) {
          setError(true);
        }
      }
    })();
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [loaded, pageNumber, zoom, marks]);

  return (
    <>
      {error && (
        <Alert color="orange" title={`Page ${pageNumber} could not be shown`}>
          Part of this PDF is damaged. Other pages may still show; “Open with system app” may do
          better.
        </Alert>
      )}
      <section
        ref={pageRef}
        className="cf-pdf-page"
        aria-label={`Page ${pageNumber} of ${title}`}
        aria-busy={!rendered}
        data-rendered={rendered}
      >
        <div ref={drawRef} />
        {ocr && rendered && (
          <OcrTextLayer sha256={ocr.sha256} page={pageNumber} query={ocr.query} />
        )}
      </section>
    </>
  );
}
