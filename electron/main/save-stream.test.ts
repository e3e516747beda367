import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveStream, type SaveStreamDeps } from './save-stream';
import { openOnFillingDisk } from './testing/filling-disk';

vi.mock('electron', () => ({}));

type SaveDialog = (...args: unknown[]) => Promise<{ canceled: boolean; filePath?: string }>;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'casefile-save-stream-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function setUp(
  choice: { canceled: boolean; filePath?: string },
  extra: Partial<SaveStreamDeps> = {},
) {
  const showSaveDialog = vi.fn<SaveDialog>(async () => choice);
  const stream = createSaveStream({
    dialog: { showSaveDialog } as unknown as SaveStreamDeps['dialog'],
    downloadsDir: '/home/c/Downloads',
    getMainWindow: () => null,
    ...extra,
  });
  return { showSaveDialog, stream, handlers: stream.handlers };
}

const filters = [{ name: 'Casefile case bundle', extensions: ['casefile'] }];

describe('streamed saves', () => {
  it('asks where first, then writes the pieces in order and puts the file in place on commit', async () => {
    const target = join(folder, 'Huawei-v.-Xiaomi.casefile');
    const { showSaveDialog, handlers } = setUp({ canceled: false, filePath: target });
    const ticket = await handlers['files:begin-save']({
      suggestedName: 'Huawei-v.-Xiaomi.casefile',
      filters,
    });
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join('/home/c/Downloads', 'Huawei-v.-Xiaomi.casefile'),
      filters,
    });
    if (!ticket.started) throw new Error('the save should have started');
    expect(ticket.path).toBe(target);

    const pieces = [randomBytes(3000), randomBytes(1), randomBytes(70_000)].map(
      (bytes) => new Uint8Array(bytes),
    );
    for (const bytes of pieces) await handlers['files:append-save']({ token: ticket.token, bytes });
    // Nothing under the chosen name until the whole file is there.
    expect(await readdir(folder)).not.toContain('Huawei-v.-Xiaomi.casefile');

    expect(await handlers['files:commit-save']({ token: ticket.token })).toEqual({
      saved: true,
      path: target,
    });
    expect(await readdir(folder)).toEqual(['Huawei-v.-Xiaomi.casefile']);
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array(Buffer.concat(pieces)));
  });

  it('does nothing when the person cancels the dialog', async () => {
    const { handlers } = setUp({ canceled: true });
    expect(await handlers['files:begin-save']({ suggestedName: 'a.casefile', filters })).toEqual({
      started: false,
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves the file it would replace untouched, and nothing partial, when the disk fills up', async () => {
    const target = join(folder, 'summary.casefile');
    await writeFile(target, 'the earlier export');
    const { handlers } = setUp(
      { canceled: false, filePath: target },
      { openFile: openOnFillingDisk(1) },
    );
    const ticket = await handlers['files:begin-save']({
      suggestedName: 'summary.casefile',
      filters,
    });
    if (!ticket.started) throw new Error('the save should have started');
    const bytes = new Uint8Array(randomBytes(1000));
    await handlers['files:append-save']({ token: ticket.token, bytes });
    await expect(handlers['files:append-save']({ token: ticket.token, bytes })).rejects.toThrow(
      /The disk is full, so “summary.casefile” was not saved/,
    );
    await expect(handlers['files:commit-save']({ token: ticket.token })).rejects.toThrow(
      /no longer in progress/,
    );
    expect(await readdir(folder)).toEqual(['summary.casefile']);
    expect(await readFile(target, 'utf8')).toBe('the earlier export');
  });

  it('removes the unfinished file when the save is cancelled or the app quits', async () => {
    const { handlers, stream } = setUp({ canceled: false, filePath: join(folder, 'a.casefile') });
    const first = await handlers['files:begin-save']({ suggestedName: 'a.casefile', filters });
    const second = await handlers['files:begin-save']({ suggestedName: 'a.casefile', filters });
    if (!first.started || !second.started) throw new Error('the saves should have started');
    await handlers['files:append-save']({ token: first.token, bytes: new Uint8Array(10) });
    await handlers['files:append-save']({ token: second.token, bytes: new Uint8Array(10) });
    expect(await readdir(folder)).toHaveLength(2);

    await handlers['files:abort-save']({ token: first.token });
    expect(await readdir(folder)).toHaveLength(1);
    await stream.abortAll();
    expect(await readdir(folder)).toEqual([]);
    await expect(
      handlers['files:append-save']({ token: second.token, bytes: new Uint8Array(1) }),
    ).rejects.toThrow('That save is no longer in progress. Save the file again.');
  });

  it('says so in the person’s words when the chosen folder cannot be written', async () => {
    const { handlers } = setUp({
      canceled: false,
      filePath: join(folder, 'no-such-folder', 'a.casefile'),
    });
    await expect(
      handlers['files:begin-save']({ suggestedName: 'a.casefile', filters }),
    ).rejects.toThrow(
      'The folder chosen for “a.casefile” is no longer there. Choose another folder. Nothing was changed on disk.',
    );
    expect(await readdir(folder)).toEqual([]);
  });
});
