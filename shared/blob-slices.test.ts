import { describe, expect, it } from 'vitest';
import { blobSlices } from './blob-slices';

async function collect(blob: Blob, sliceBytes: number): Promise<Uint8Array[]> {
  const slices: Uint8Array[] = [];
  for await (const slice of blobSlices(blob, sliceBytes)) slices.push(slice);
  return slices;
}

describe('blobSlices', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);

  it('yields every byte once, in order, in slices of the given size', async () => {
    const slices = await collect(new Blob([bytes]), 300);
    expect(slices.map((slice) => slice.byteLength)).toEqual([300, 300, 300, 100]);
    expect(Buffer.concat(slices).equals(Buffer.from(bytes))).toBe(true);
  });

  it('yields nothing for an empty Blob and one slice for an exact fit', async () => {
    expect(await collect(new Blob([]), 300)).toEqual([]);
    expect((await collect(new Blob([bytes]), 1000)).map((slice) => slice.byteLength)).toEqual([
      1000,
    ]);
  });

  it('stops when the caller stops', async () => {
    for await (const slice of blobSlices(new Blob([bytes]), 100)) {
      expect(slice.byteLength).toBe(100);
      break;
    }
  });
});
