import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/ipc';
import { registerIpcHandlers, UserFacingError, type IpcHandlers } from './ipc';

vi.mock('electron', () => ({}));

type Invoke = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

const appPage = 'casefile://app/index.html';

function setUp() {
  const registered = new Map<string, Invoke>();
  const ipcMain = {
    handle: (channel: string, listener: Invoke) => {
      registered.set(channel, listener);
    },
  } as unknown as Pick<IpcMain, 'handle'>;
  const handlers = {
    'app:get-info': vi.fn<IpcHandlers['app:get-info']>(async () => ({
      name: 'Casefile',
      version: '0.1.0',
      platform: 'linux',
      dataDir: '/data',
      desktop: true,
    })),
    'links:open-external': vi.fn<IpcHandlers['links:open-external']>(async () => {}),
    'files:save-file': vi.fn<IpcHandlers['files:save-file']>(async () => ({ saved: false })),
    'files:begin-save': vi.fn<IpcHandlers['files:begin-save']>(async () => ({ started: false })),
    'files:append-save': vi.fn<IpcHandlers['files:append-save']>(async () => {}),
    'files:commit-save': vi.fn<IpcHandlers['files:commit-save']>(async () => ({ saved: false })),
    'files:abort-save': vi.fn<IpcHandlers['files:abort-save']>(async () => {}),
    'data:reveal-folder': vi.fn<IpcHandlers['data:reveal-folder']>(async () => {}),
    'documents:begin-copy': vi.fn<IpcHandlers['documents:begin-copy']>(async () => ({
      token: '',
    })),
    'documents:append-copy': vi.fn<IpcHandlers['documents:append-copy']>(async () => {}),
    'documents:open-copy': vi.fn<IpcHandlers['documents:open-copy']>(async () => {}),
    'documents:abort-copy': vi.fn<IpcHandlers['documents:abort-copy']>(async () => {}),
    'print:save-pdf': vi.fn<IpcHandlers['print:save-pdf']>(async () => ({ saved: false })),
    'print:print': vi.fn<IpcHandlers['print:print']>(async () => ({ printed: false })),
    'backups:begin': vi.fn<IpcHandlers['backups:begin']>(async () => ({ token: '', name: '' })),
    'backups:append': vi.fn<IpcHandlers['backups:append']>(async () => {}),
    'backups:commit': vi.fn<IpcHandlers['backups:commit']>(async () => ({
      name: '',
      path: '',
      size: 0,
      removed: [],
    })),
    'backups:abort': vi.fn<IpcHandlers['backups:abort']>(async () => {}),
    'backups:list': vi.fn<IpcHandlers['backups:list']>(async () => []),
    'backups:read': vi.fn<IpcHandlers['backups:read']>(async () => new Uint8Array()),
    'app:quit-ready': vi.fn<IpcHandlers['app:quit-ready']>(async () => {}),
    'app:quit-preparing': vi.fn<IpcHandlers['app:quit-preparing']>(async () => {}),
    'passphrase:get-storage': vi.fn<IpcHandlers['passphrase:get-storage']>(async () => ({
      available: false,
      reason: null,
      remembered: false,
    })),
    'passphrase:remember': vi.fn<IpcHandlers['passphrase:remember']>(async () => {}),
    'passphrase:recall': vi.fn<IpcHandlers['passphrase:recall']>(async () => null),
    'passphrase:forget': vi.fn<IpcHandlers['passphrase:forget']>(async () => {}),
    'files:take-opened-bundle': vi.fn<IpcHandlers['files:take-opened-bundle']>(async () => null),
    'files:read-opened-bundle': vi.fn<IpcHandlers['files:read-opened-bundle']>(
      async () => new Uint8Array(),
    ),
  } satisfies IpcHandlers;
  registerIpcHandlers(ipcMain, handlers, {
    isTrustedSender: (url) => url.startsWith('casefile://app/'),
  });
  const invoke = (channel: string, raw: unknown, url: string | null = appPage) => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`${channel} was not registered`);
    const event = { senderFrame: url === null ? null : { url } } as IpcMainInvokeEvent;
    return listener(event, raw);
  };
  return { registered, handlers, invoke };
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract, and nothing else', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('answers { ok: true, value } with the parsed argument', async () => {
    const { handlers, invoke } = setUp();
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(
      invoke('files:save-file', { suggestedName: ' summary.pdf ', bytes }),
    ).resolves.toEqual({ ok: true, value: { saved: false } });
    // Parsed, not raw: trimmed name, default filters.
    expect(handlers['files:save-file']).toHaveBeenCalledWith({
      suggestedName: 'summary.pdf',
      bytes,
      filters: [],
    });
  });

  it.each([
    [
      'files:save-file',
      { suggestedName: '../../etc/passwd', bytes: new Uint8Array() },
      /^Casefile could not save the file\. suggestedName: A file name cannot contain slashes\.$/,
    ],
    [
      'files:save-file',
      { suggestedName: 'a.pdf', bytes: 'not bytes' },
      /^Casefile could not save the file\. bytes: /,
    ],
    [
      'files:save-file',
      { suggestedName: '', bytes: new Uint8Array() },
      /suggestedName: The file needs a name\./,
    ],
    ['links:open-external', { url: 42 }, /^Casefile could not open the link\. url: /],
    ['links:open-external', undefined, /^Casefile could not open the link\. .*expected object/],
    ['app:get-info', 'hello', /^Casefile could not read its own version\. .*expected object/],
  ])('rejects bad input on %s without calling the handler (%j)', async (channel, raw, message) => {
    const { handlers, invoke } = setUp();
    await expect(invoke(channel, raw)).resolves.toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(message) },
    });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('shows a UserFacingError as is', async () => {
    const { handlers, invoke } = setUp();
    handlers['links:open-external'].mockRejectedValueOnce(
      new UserFacingError('Casefile only opens secure web links (https).'),
    );
    await expect(invoke('links:open-external', { url: 'file:///etc' })).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'Casefile only opens secure web links (https).' },
    });
    expect(console.error).not.toHaveBeenCalled();
  });

  it('hides other errors behind a plain sentence and logs them', async () => {
    const { handlers, invoke } = setUp();
    const failure = new Error('EIO: i/o error, write /home/counsel/secret/path');
    handlers['data:reveal-folder'].mockRejectedValueOnce(failure);
    const result = await invoke('data:reveal-folder', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Casefile could not show the data folder (details in the log).',
      },
    });
    expect(JSON.stringify(result)).not.toContain('EIO');
    expect(console.error).toHaveBeenCalledWith(expect.any(String), failure);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a local file', 'file:///tmp/page.html'],
    ['a closed frame', null],
  ])('refuses requests from %s', async (_who, url) => {
    const { handlers, invoke } = setUp();
    await expect(invoke('data:reveal-folder', {}, url)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(handlers['data:reveal-folder']).not.toHaveBeenCalled();
  });
});
