/**
 * The pages of a multi-page TIFF, for OCR. Tesseract's image reader (Leptonica) reads only the
 * first image of a TIFF: the one whose directory (IFD) the header points at. Every image's strips
 * are found through absolute offsets in its own directory, so page n is the same bytes with the
 * header's first-directory offset pointing at the n-th directory: nothing is decoded or
 * re-encoded here, whatever the compression (fax G4, LZW, JPEG). Classic TIFF only; a BigTIFF or
 * a damaged chain counts as one page, read as Tesseract reads it.
 */

type Directory = { offset: number; width: number; height: number };

const WIDTH_TAG = 256;
const HEIGHT_TAG = 257;
/** A broken chain that loops must not hang the reader. */
const MAX_PAGES = 10_000;

export function isTiff(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 &&
    ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 42 && bytes[3] === 0) ||
      (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 42))
  );
}

function directories(bytes: Uint8Array): Directory[] {
  if (!isTiff(bytes)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const found: Directory[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, little);
  while (offset !== 0 && !seen.has(offset) && found.length < MAX_PAGES) {
    if (offset + 2 > bytes.length) break;
    const count = view.getUint16(offset, little);
    const end = offset + 2 + count * 12;
    if (end + 4 > bytes.length) break;
    seen.add(offset);
    let width = 0;
    let height = 0;
    for (let entry = offset + 2; entry < end; entry += 12) {
      const tag = view.getUint16(entry, little);
      if (tag !== WIDTH_TAG && tag !== HEIGHT_TAG) continue;
      const type = view.getUint16(entry + 2, little);
      const value =
        type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
      if (tag === WIDTH_TAG) width = value;
      else height = value;
    }
    found.push({ offset, width, height });
    offset = view.getUint32(end, little);
  }
  return found;
}

/** How many pages (images) the TIFF holds; 1 for anything this cannot walk. */
export function tiffPageCount(bytes: Uint8Array): number {
  return Math.max(1, directories(bytes).length);
}

/**
 * Page `pageNumber` (from 1) as a TIFF of its own, with its size in pixels (0 when the file does
 * not say); the file itself when it is page 1 or cannot be walked.
 */
export function tiffPage(
  bytes: Uint8Array,
  pageNumber: number,
): { bytes: Uint8Array; width: number; height: number } {
  const all = directories(bytes);
  const directory = all[pageNumber - 1];
  if (!directory) {
    if (pageNumber === 1) return { bytes, width: 0, height: 0 };
    throw new Error(`This TIFF has no page ${pageNumber}.`);
  }
  const { offset, width, height } = directory;
  if (pageNumber === 1) return { bytes, width, height };
  const page = bytes.slice();
  new DataView(page.buffer).setUint32(4, offset, page[0] === 0x49);
  return { bytes: page, width, height };
}
