import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentCopyHandlers } from './attachments';
import type { BackupHandlers } from './backups/backup-store';
import { createHandlers, type HandlerDeps } from './handlers';
import { UserFacingError } from './ipc';
import type { PrintHandlers } from './printing';
import type { SaveStreamHandlers } from './save-stream';

// Only types come from Electron here; nothing may reach the real module.
vi.mock('electron', () => ({}));

const TOKEN = '00000000-0000-4000-8000-000000000000';

type SaveDialog = (...args: unknown[]) => Promise<{ canceled: boolean; filePath: string }>;

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'casefile-handlers-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function setUp({ window = null as BaseWindow | null } = {}) {
  const deps = {
    app: {
      name: 'Casefile',
      version: '0.1.0',
      platform: 'linux',
      downloadsDir: '/home/c/Downloads',
    },
    dataDir,
    dialog: {
      showSaveDialog: vi.fn<SaveDialog>(async () => ({
        canceled: false,
        filePath: '/home/c/Downloads/summary.pdf',
      })),
    },
    shell: { openPath: vi.fn<(path: string) => Promise<string>>(async () => '') },
    openExternalSafely: vi.fn<(url: string) => Promise<boolean>>(async () => true),
    fs: {
      writeFileAtomic: vi.fn<(path: string, bytes: Uint8Array) => Promise<void>>(async () => {}),
    },
    getMainWindow: () => window,
    print: {
      'print:save-pdf': vi.fn<PrintHandlers['print:save-pdf']>(async () => ({ saved: false })),
      'print:print': vi.fn<PrintHandlers['print:print']>(async () => ({ printed: false })),
    },
    attachments: {
      'documents:begin-copy': vi.fn<DocumentCopyHandlers['documents:begin-copy']>(async () => ({
        token: TOKEN,
      })),
      'documents:append-copy': vi.fn<DocumentCopyHandlers['documents:append-copy']>(async () => {}),
      'documents:open-copy': vi.fn<DocumentCopyHandlers['documents:open-copy']>(async () => {}),
      'documents:abort-copy': vi.fn<DocumentCopyHandlers['documents:abort-copy']>(async () => {}),
    },
    backups: {
      'backups:begin': vi.fn<BackupHandlers['backups:begin']>(async () => ({
        token: '',
        name: '',
      })),
      'backups:append': vi.fn<BackupHandlers['backups:append']>(async () => {}),
      'backups:commit': vi.fn<BackupHandlers['backups:commit']>(async () => ({
        name: '',
        path: '',
        size: 0,
        removed: [],
      })),
      'backups:abort': vi.fn<BackupHandlers['backups:abort']>(async () => {}),
      'backups:list': vi.fn<BackupHandlers['backups:list']>(async () => []),
      'backups:read': vi.fn<BackupHandlers['backups:read']>(async () => new Uint8Array()),
    },
    saveStream: {
      'files:begin-save': vi.fn<SaveStreamHandlers['files:begin-save']>(async () => ({
        started: false,
      })),
      'files:append-save': vi.fn<SaveStreamHandlers['files:append-save']>(async () => {}),
      'files:commit-save': vi.fn<SaveStreamHandlers['files:commit-save']>(async () => ({
        saved: false,
      })),
      'files:abort-save': vi.fn<SaveStreamHandlers['files:abort-save']>(async () => {}),
    },
    quitReady: vi.fn<() => void>(),
    quitPreparing: vi.fn<(backingUp: boolean) => void>(),
    passphrases: {
      'passphrase:get-storage': async () => ({ available: true, reason: null, remembered: false }),
      'passphrase:remember': async () => {},
      'passphrase:recall': async () => null,
      'passphrase:forget': async () => {},
    },
    openedBundles: {
      'files:take-opened-bundle': async () => null,
      'files:read-opened-bundle': async () => new Uint8Array(),
    },
  } satisfies HandlerDeps;
  return { deps, handlers: createHandlers(deps) };
}

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
const filters = [{ name: 'PDF', extensions: ['pdf'] }];

describe('createHandlers', () => {
  it('describes the app and where its data lives', async () => {
    const { handlers } = setUp();
    await expect(handlers['app:get-info']({})).resolves.toEqual({
      name: 'Casefile',
      version: '0.1.0',
      platform: 'linux',
      dataDir,
      desktop: true,
    });
  });

  it('opens https links in the browser', async () => {
    const { deps, handlers } = setUp();
    await handlers['links:open-external']({ url: 'https://www.wipo.int/' });
    expect(deps.openExternalSafely).toHaveBeenCalledWith('https://www.wipo.int/');
  });

  it.each(['file:///etc/passwd', 'http://example.com', 'javascript:alert(1)', 'smb://host/x'])(
    'refuses to open %s, saying why',
    async (url) => {
      const { deps, handlers } = setUp();
      const opening = handlers['links:open-external']({ url });
      await expect(opening).rejects.toBeInstanceOf(UserFacingError);
      await expect(opening).rejects.toThrow('Casefile only opens secure web links (https).');
      expect(deps.openExternalSafely).not.toHaveBeenCalled();
    },
  );

  it('asks where to save, suggesting Downloads, then writes the file atomically', async () => {
    const window = {} as BaseWindow;
    const { deps, handlers } = setUp({ window });
    await expect(
      handlers['files:save-file']({ suggestedName: 'summary.pdf', bytes: pdf, filters }),
    ).resolves.toEqual({ saved: true, path: '/home/c/Downloads/summary.pdf' });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: join('/home/c/Downloads', 'summary.pdf'),
      filters,
    });
    expect(deps.fs.writeFileAtomic).toHaveBeenCalledWith('/home/c/Downloads/summary.pdf', pdf);
  });

  it('opens the save dialog on its own when no window is open', async () => {
    const { deps, handlers } = setUp();
    await handlers['files:save-file']({ suggestedName: 'a.pdf', bytes: pdf, filters: [] });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join('/home/c/Downloads', 'a.pdf'),
      filters: [],
    });
  });

  it('writes nothing when the person cancels', async () => {
    const { deps, handlers } = setUp();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(
      handlers['files:save-file']({ suggestedName: 'a.pdf', bytes: pdf, filters }),
    ).resolves.toEqual({ saved: false });
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('explains a save refused by the system in plain words', async () => {
    const { deps, handlers } = setUp();
    deps.fs.writeFileAtomic.mockRejectedValueOnce(
      Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
    );
    const saving = handlers['files:save-file']({ suggestedName: 'a.pdf', bytes: pdf, filters });
    await expect(saving).rejects.toBeInstanceOf(UserFacingError);
    await expect(saving).rejects.toThrow(
      'Casefile is not allowed to write “summary.pdf” there. Choose another folder.',
    );
  });

  it('passes unexpected save failures on for the log', async () => {
    const { deps, handlers } = setUp();
    const failure = Object.assign(new Error('EIO'), { code: 'EIO' });
    deps.fs.writeFileAtomic.mockRejectedValueOnce(failure);
    await expect(
      handlers['files:save-file']({ suggestedName: 'a.pdf', bytes: pdf, filters }),
    ).rejects.toBe(failure);
  });

  it('opens a document through the temporary-copy opener, never the shell directly', async () => {
    const { deps, handlers } = setUp();
    const { token } = await handlers['documents:begin-copy']({ fileName: 'Complaint.pdf' });
    await handlers['documents:append-copy']({ token, bytes: pdf });
    await handlers['documents:open-copy']({ token });
    expect(deps.attachments['documents:begin-copy']).toHaveBeenCalledWith({
      fileName: 'Complaint.pdf',
    });
    expect(deps.attachments['documents:append-copy']).toHaveBeenCalledWith({ token, bytes: pdf });
    expect(deps.attachments['documents:open-copy']).toHaveBeenCalledWith({ token });
    expect(deps.shell.openPath).not.toHaveBeenCalled();
  });

  it('shows the data folder in the file manager', async () => {
    const { deps, handlers } = setUp();
    await handlers['data:reveal-folder']({});
    expect(deps.shell.openPath).toHaveBeenCalledWith(dataDir);
  });

  it('says so when the file manager cannot open the data folder', async () => {
    const { deps, handlers } = setUp();
    deps.shell.openPath.mockResolvedValueOnce('No application is registered for folders');
    await expect(handlers['data:reveal-folder']({})).rejects.toThrow(
      `Casefile could not open the data folder (${dataDir}): No application is registered for folders`,
    );
  });
});
