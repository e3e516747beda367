/**
 * Shows a document the way its type allows: PDFs in the pdf.js preview, images and plain text
 * inline, anything else as a note pointing at "Open with system app".
 */
import { Alert, Image, Loader, ScrollArea, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { isPdf } from '../../db/repos/document-repo';
import { EmailPreview } from '../email/EmailPreview';
import { OcrTextLayer } from '../ocr/OcrTextLayer';

const PdfPreview = lazy(() => import('./PdfPreview').then((m) => ({ default: m.PdfPreview })));

/** Plain text above this is shown only in part: the rest is a click on "Open with system app". */
const TEXT_PREVIEW_BYTES = 2 * 1024 * 1024;

export function DocumentPreview({
  document,
  blob,
  onOpen,
  at,
}: {
  document: CaseDocument;
  blob: Blob;
  /** Opened from a search: the page to show and the words to mark (PDFs). */
  at?: { page: number; query: string } | null;
  /** Opens another document (an e-mail's attachment) in the viewer. */
  onOpen?: (documentId: string) => void;
}) {
  if (document.email) return <EmailPreview document={document} blob={blob} onOpen={onOpen} />;
  if (isPdf(document.mimeType, document.fileName)) {
    return (
      <Suspense fallback={<Loader aria-label="Loading the preview" />}>
        <PdfPreview
          blob={blob}
          title={document.title}
          at={at}
          ocr={{ sha256: document.sha256, query: at?.query }}
        />
      </Suspense>
    );
  }
  if (document.mimeType.startsWith('image/') && document.mimeType !== 'image/svg+xml') {
    return (
      <ImagePreview blob={blob} alt={document.title}>
        <OcrTextLayer sha256={document.sha256} page={1} query={at?.query} />
      </ImagePreview>
    );
  }
  if (document.mimeType.startsWith('text/') || /\.(txt|md|csv)$/i.test(document.fileName)) {
    return <TextPreview blob={blob} title={document.title} />;
  }
  return (
    <Alert title="No preview for this kind of file">
      Casefile shows PDFs, images and plain text itself. Use “Open with system app” to read{' '}
      {document.fileName}.
    </Alert>
  );
}

/** An image, with what lies over it (the OCR text layer) sized to the image as shown. */
function ImagePreview({ blob, alt, children }: { blob: Blob; alt: string; children?: ReactNode }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(blob);
    // The URL must be made and revoked by the same effect, so it is stored from here.
    // oxlint-disable-next-line react/set-state-in-effect
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  if (!url) return null;
  return (
    <div className="cf-image-page">
      <Image src={url} alt={alt} fit="contain" mah="75vh" w="auto" />
      {children}
    </div>
  );
}

function TextPreview({ blob, title }: { blob: Blob; title: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void blob
      .slice(0, TEXT_PREVIEW_BYTES)
      .text()
      .then((value) => {
        if (!cancelled) setText(value);
      });
    return () => {
      cancelled = true;
    };
  }, [blob]);
  if (text === null) return <Loader aria-label="Loading the preview" />;
  return (
    <ScrollArea.Autosize mah="75vh" type="auto">
      <Text component="pre" className="cf-prewrap" aria-label={`Text of ${title}`} m={0}>
        {text}
      </Text>
      {blob.size > TEXT_PREVIEW_BYTES && (
        <Text c="dimmed" fs="italic">
          Only the beginning is shown; open the file to read all of it.
        </Text>
      )}
    </ScrollArea.Autosize>
  );
}
