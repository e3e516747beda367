import { describe, expect, it, vi } from 'vitest';
import { blobSlices } from '../../../shared/blob-slices';
import { batched } from './batched';
import { saveStreamed, type SaveTarget } from './save-streamed';

// The real host needs a window; these tests hand saveStreamed a target of their own.
vi.mock('./host', () => ({ host: {} }));

const TOKEN = '00000000-0000-4000-8000-000000000000';

function fakeTarget(options: { cancel?: boolean } = {}) {
  const appended: Uint8Array[] = [];
  const calls: string[] = [];
  const target: SaveTarget = {
    beginSave: vi.fn<SaveTarget['beginSave']>(async () => {
      calls.push('begin');
      return options.cancel
        ? { started: false as const }
        : { started: true as const, token: TOKEN, path: '/x/a.casefile' };
    }),
    appendSave: vi.fn<SaveTarget['appendSave']>(async ({ bytes }) => {
      calls.push('append');
      appended.push(bytes.slice());
    }),
    commitSave: vi.fn<SaveTarget['commitSave']>(async () => {
      calls.push('commit');
      return { saved: true as const, path: '/x/a.casefile' };
    }),
    abortSave: vi.fn<SaveTarget['abortSave']>(async () => {
      calls.push('abort');
    }),
  };
  return { target, appended, calls };
}

function pattern(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = (i * 31 + seed) % 251;
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

describe('batched', () => {
  it('sends the bytes in order, small chunks batched and large ones as they are', async () => {
    const sent: Uint8Array[] = [];
    const out = batched(async (batch) => {
      sent.push(batch);
    }, 100);
    const chunks = [pattern(30, 1), pattern(20, 5), pattern(90, 2), pattern(250, 3), pattern(1, 4)];
    for (const chunk of chunks) await out.write(chunk);
    await out.flush();
    expect(Buffer.concat(sent).equals(Buffer.concat(chunks))).toBe(true);
    expect(sent.map((batch) => batch.byteLength)).toEqual([50, 90, 100, 100, 50, 1]);
    // Half a batch or more goes uncopied; a view into a larger chunk is copied, not sent whole.
    expect(sent[1]!.buffer).toBe(chunks[2]!.buffer);
    expect(sent[2]!.buffer.byteLength).toBe(100);
  });

  it('sends nothing for nothing', async () => {
    const send = vi.fn<(batch: Uint8Array) => Promise<void>>(async () => {});
    await batched(send, 100).flush();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('saveStreamed', () => {
  it('asks first, streams every byte, then commits', async () => {
    const { target, appended, calls } = fakeTarget();
    const file = new Blob([pattern(5 * 1024 * 1024 + 7, 9)]);
    const result = await saveStreamed(
      { suggestedName: 'a.casefile' },
      async (write) => {
        for await (const slice of blobSlices(file)) await write(slice);
      },
      target,
    );
    expect(result).toEqual({ saved: true, path: '/x/a.casefile' });
    expect(calls[0]).toBe('begin');
    expect(calls.at(-1)).toBe('commit');
    // Buffer.equals: a deep equality over megabytes of elements would take minutes.
    expect(Buffer.from(concat(appended)).equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    expect(appended.length).toBeGreaterThan(1);
    expect(Math.max(...appended.map((batch) => batch.byteLength))).toBeLessThanOrEqual(
      8 * 1024 * 1024,
    );
  });

  it('produces nothing when the person cancels the save dialog', async () => {
    const { target, calls } = fakeTarget({ cancel: true });
    const produce = vi.fn<() => Promise<void>>(async () => {});
    expect(await saveStreamed({ suggestedName: 'a.casefile' }, produce, target)).toEqual({
      saved: false,
    });
    expect(produce).not.toHaveBeenCalled();
    expect(calls).toEqual(['begin']);
  });

  it('aborts the save and passes the error on when producing fails half-way', async () => {
    const { target, calls } = fakeTarget();
    await expect(
      saveStreamed(
        { suggestedName: 'a.casefile' },
        async (write) => {
          await write(pattern(5 * 1024 * 1024, 1));
          throw new Error('The dispute was deleted while it was being exported.');
        },
        target,
      ),
    ).rejects.toThrow('The dispute was deleted while it was being exported.');
    expect(calls).toEqual(['begin', 'append', 'abort']);
  });
});
