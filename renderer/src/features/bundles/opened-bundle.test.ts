import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ reads: [] as Array<{ offset: number; length: number }> }));
const content = vi.hoisted(() =>
  Uint8Array.from({ length: 20 * 1024 * 1024 }, (_, index) => index % 253),
);

vi.mock('../../host/host', () => ({
  host: {
    takeOpenedBundle: async () => ({
      token: '00000000-0000-4000-8000-000000000000',
      name: 'Huawei v. Xiaomi.casefile',
      size: content.byteLength,
    }),
    readOpenedBundle: async ({ offset, length }: { offset: number; length: number }) => {
      calls.reads.push({ offset, length });
      return content.slice(offset, offset + length);
    },
  },
}));

const { takeOpenedBundle } = await import('./opened-bundle');

describe('a bundle opened with Casefile', () => {
  it('is read whole, in pieces no larger than one message may carry, into a File', async () => {
    const file = await takeOpenedBundle();
    expect(file?.name).toBe('Huawei v. Xiaomi.casefile');
    expect(Buffer.from(await file!.arrayBuffer()).equals(Buffer.from(content))).toBe(true);
    expect(calls.reads.map(({ length }) => length)).toEqual([
      8 * 1024 * 1024,
      8 * 1024 * 1024,
      4 * 1024 * 1024,
    ]);
  });
});
