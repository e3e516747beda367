import { describe, expect, it } from 'vitest';
import { grayTiff } from '../../../../test/fixtures/scans';
import { isTiff, tiffPage, tiffPageCount } from './tiff-pages';

const page = (width: number, height: number, shade: number) => ({
  width,
  height,
  pixels: new Uint8Array(width * height).fill(shade),
});

/** The grey pixels of the first image a reader finds: the one the header points at. */
function firstImage(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = view.getUint32(4, true);
  const tags = new Map<number, number>();
  for (let i = 0; i < view.getUint16(directory, true); i += 1) {
    const at = directory + 2 + i * 12;
    tags.set(view.getUint16(at, true), view.getUint32(at + 8, true));
  }
  const start = tags.get(273)!;
  return { width: tags.get(256)!, pixels: bytes.slice(start, start + tags.get(279)!) };
}

describe('pages of a multi-page TIFF', () => {
  const tiff = new Uint8Array(grayTiff([page(4, 2, 10), page(3, 5, 20), page(2, 2, 30)]));

  it('counts every page and hands each one over as the TIFF a reader takes page 1 of', () => {
    expect(isTiff(tiff)).toBe(true);
    expect(tiffPageCount(tiff)).toBe(3);
    const second = tiffPage(tiff, 2);
    expect([second.width, second.height]).toEqual([3, 5]);
    expect(firstImage(second.bytes)).toEqual({ width: 3, pixels: new Uint8Array(15).fill(20) });
    expect(firstImage(tiffPage(tiff, 3).bytes).pixels).toEqual(new Uint8Array(4).fill(30));
    // Page 1 is the file itself; the original is never changed.
    expect(tiffPage(tiff, 1).bytes).toBe(tiff);
    expect(firstImage(tiff).pixels).toEqual(new Uint8Array(8).fill(10));
    expect(() => tiffPage(tiff, 4)).toThrow('This TIFF has no page 4.');
  });

  it('counts one page for what it cannot walk: not a TIFF, a cut file, a looping chain', () => {
    expect(tiffPageCount(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1);
    expect(tiffPageCount(tiff.slice(0, 40))).toBe(1);
    const looping = tiff.slice();
    const view = new DataView(looping.buffer);
    const first = view.getUint32(4, true);
    const end = first + 2 + view.getUint16(first, true) * 12;
    view.setUint32(end, first, true); // page 1 says page 2 is page 1 again
    expect(tiffPageCount(looping)).toBe(1);
  });
});
