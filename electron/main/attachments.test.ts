import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttachmentHandlers, safeFileName } from './attachments';
import { UserFacingError } from './ipc';
import { openOnFillingDisk } from './testing/filling-disk';

// Only types come from Electron here; nothing may reach the real module.
vi.mock('electron', () => ({}));

let tempRoot: string;

beforeEach(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'casefile-attachments-test-'));
});

afterEach(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

function setUp(openResult = '') {
  const openPath = vi.fn<(path: string) => Promise<string>>(async () => openResult);
  const handlers = createAttachmentHandlers({
    shell: { openPath },
    tempRoot,
    leftoversFile: join(tempRoot, 'leftovers.json'),
  });
  return { openPath, handlers };
}

const bytes = new TextEncoder().encode('%PDF-1.7 privileged');

/** What the renderer does: names the copy, sends its bytes in pieces, then asks for it opened. */
async function openCopy(
  handlers: ReturnType<typeof createAttachmentHandlers>,
  fileName: string,
  content: Uint8Array<ArrayBuffer>,
  pieceBytes = 4,
) {
  const { token } = await handlers['documents:begin-copy']({ fileName });
  for (let at = 0; at < content.byteLength; at += pieceBytes) {
    await handlers['documents:append-copy']({ token, bytes: content.slice(at, at + pieceBytes) });
  }
  await handlers['documents:open-copy']({ token });
}

describe('opening a document with the system app', () => {
  it('opens an owner-only temporary copy, never anything in the data folder', async () => {
    const { openPath, handlers } = setUp();
    await openCopy(handlers, 'Complaint.pdf', bytes);
    const opened = openPath.mock.calls[0]![0];
    expect(opened.startsWith(tempRoot)).toBe(true);
    expect(opened.endsWith('Complaint.pdf')).toBe(true);
    expect(await readFile(opened, 'utf8')).toBe('%PDF-1.7 privileged');
  });

  it.skipIf(process.platform === 'win32')(
    'writes the copy 0600 in folders only the owner can open',
    async () => {
      const { openPath, handlers } = setUp();
      await openCopy(handlers, 'Complaint.pdf', bytes);
      const opened = openPath.mock.calls[0]![0];
      expect((await stat(opened)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(opened))).mode & 0o777).toBe(0o700);
      expect((await stat(dirname(dirname(opened)))).mode & 0o777).toBe(0o700);
    },
  );

  it('keeps two documents of the same name apart, in one folder for the run', async () => {
    const { openPath, handlers } = setUp();
    await openCopy(handlers, 'order.pdf', bytes);
    await openCopy(handlers, 'order.pdf', new TextEncoder().encode('another'));
    const [first, second] = openPath.mock.calls.map(([path]) => path);
    expect(first).not.toBe(second);
    expect(dirname(dirname(first!))).toBe(dirname(dirname(second!)));
    expect(await readFile(first!, 'utf8')).toBe('%PDF-1.7 privileged');
    expect(await readFile(second!, 'utf8')).toBe('another');
    expect(await readdir(tempRoot)).toHaveLength(1);
  });

  it('removes every copy when the app quits', async () => {
    const { openPath, handlers } = setUp();
    await openCopy(handlers, 'a.pdf', bytes);
    const runFolder = dirname(dirname(openPath.mock.calls[0]![0]));
    await handlers.removeTemporaryCopies();
    expect(existsSync(runFolder)).toBe(false);
    // A later open (the app is still quitting slowly) starts a fresh folder rather than failing.
    await openCopy(handlers, 'b.pdf', bytes);
    expect(existsSync(openPath.mock.calls[1]![0])).toBe(true);
  });

  it('never throws at quit when a viewer holds a copy, and removes it at the next start', async () => {
    const leftoversFile = join(tempRoot, 'leftovers.json');
    const openPath = vi.fn<(path: string) => Promise<string>>(async () => '');
    const busy = Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });
    const quitting = createAttachmentHandlers({
      shell: { openPath },
      tempRoot,
      leftoversFile,
      removeFolder: async () => {
        throw busy;
      },
    });
    await openCopy(quitting, 'held.pdf', bytes);
    const runFolder = dirname(dirname(openPath.mock.calls[0]![0]));
    await expect(quitting.removeTemporaryCopies()).resolves.toBeUndefined();
    expect(existsSync(runFolder)).toBe(true);
    expect(JSON.parse(await readFile(leftoversFile, 'utf8'))).toEqual([runFolder]);

    // The next run: the viewer has let go.
    const next = createAttachmentHandlers({ shell: { openPath }, tempRoot, leftoversFile });
    await next.removeLeftoverCopies();
    expect(existsSync(runFolder)).toBe(false);
    expect(existsSync(leftoversFile)).toBe(false);
  });

  it('removes nothing at start but its own run folders, whatever the list says', async () => {
    const leftoversFile = join(tempRoot, 'leftovers.json');
    const precious = join(tempRoot, 'precious');
    await mkdir(precious);
    await writeFile(leftoversFile, JSON.stringify([precious, 42]));
    const { handlers } = setUp();
    await handlers.removeLeftoverCopies();
    expect(existsSync(precious)).toBe(true);
  });

  it('says so when no app can open the file', async () => {
    const { handlers } = setUp('No application is associated with this file type');
    const opening = openCopy(handlers, 'data.xyz', bytes);
    await expect(opening).rejects.toBeInstanceOf(UserFacingError);
    await expect(opening).rejects.toThrow(
      /No app on this computer could open “data\.xyz”.*Save a copy/,
    );
  });

  it('opens nothing and leaves no partial copy when a write fails or the copy is abandoned', async () => {
    const openPath = vi.fn<(path: string) => Promise<string>>(async () => '');
    const handlers = createAttachmentHandlers({
      shell: { openPath },
      tempRoot,
      leftoversFile: join(tempRoot, 'leftovers.json'),
      openFile: openOnFillingDisk(0),
    });
    const { token } = await handlers['documents:begin-copy']({ fileName: 'Expert report.pdf' });
    await expect(
      handlers['documents:append-copy']({ token, bytes: bytes.slice() }),
    ).rejects.toThrow(/The disk is full, so “Expert report.pdf” could not be copied to open it/);
    await expect(handlers['documents:open-copy']({ token })).rejects.toThrow(
      'That copy is no longer being written. Open the document again.',
    );
    expect(openPath).not.toHaveBeenCalled();

    const working = setUp();
    const second = await working.handlers['documents:begin-copy']({ fileName: 'a.pdf' });
    await working.handlers['documents:append-copy']({ token: second.token, bytes: bytes.slice() });
    await working.handlers['documents:abort-copy']({ token: second.token });
    expect(working.openPath).not.toHaveBeenCalled();
    // Only the empty per-copy folders remain: no bytes of either document are left on disk.
    const leftFiles = (await readdir(tempRoot, { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile(),
    );
    expect(leftFiles).toEqual([]);
  });

  it('turns any file name into one every system accepts', () => {
    expect(safeFileName('Claim chart: US 1,234 "final"?.pdf')).toBe(
      'Claim chart_ US 1,234 _final__.pdf',
    );
    expect(safeFileName('..')).toBe('document-copy');
    expect(safeFileName('CON.pdf')).toBe('document-CON.pdf');
    expect(safeFileName(' report.pdf. ')).toBe('report.pdf');
    expect(safeFileName('a\u0000b.pdf')).toBe('a_b.pdf');
  });
});
