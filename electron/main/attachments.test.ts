import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttachmentHandlers, safeFileName } from './attachments';
import { UserFacingError } from './ipc';

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
  const handlers = createAttachmentHandlers({ shell: { openPath }, tempRoot });
  return { openPath, handlers };
}

const bytes = new TextEncoder().encode('%PDF-1.7 privileged');

describe('opening a document with the system app', () => {
  it('opens an owner-only temporary copy, never anything in the data folder', async () => {
    const { openPath, handlers } = setUp();
    await handlers['documents:open-copy']({ fileName: 'Complaint.pdf', bytes });
    const opened = openPath.mock.calls[0]![0];
    expect(opened.startsWith(tempRoot)).toBe(true);
    expect(opened.endsWith('Complaint.pdf')).toBe(true);
    expect(await readFile(opened, 'utf8')).toBe('%PDF-1.7 privileged');
  });

  it.skipIf(process.platform === 'win32')(
    'writes the copy 0600 in folders only the owner can open',
    async () => {
      const { openPath, handlers } = setUp();
      await handlers['documents:open-copy']({ fileName: 'Complaint.pdf', bytes });
      const opened = openPath.mock.calls[0]![0];
      expect((await stat(opened)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(opened))).mode & 0o777).toBe(0o700);
      expect((await stat(dirname(dirname(opened)))).mode & 0o777).toBe(0o700);
    },
  );

  it('keeps two documents of the same name apart, in one folder for the run', async () => {
    const { openPath, handlers } = setUp();
    await handlers['documents:open-copy']({ fileName: 'order.pdf', bytes });
    await handlers['documents:open-copy']({
      fileName: 'order.pdf',
      bytes: new TextEncoder().encode('another'),
    });
    const [first, second] = openPath.mock.calls.map(([path]) => path);
    expect(first).not.toBe(second);
    expect(dirname(dirname(first!))).toBe(dirname(dirname(second!)));
    expect(await readFile(first!, 'utf8')).toBe('%PDF-1.7 privileged');
    expect(await readFile(second!, 'utf8')).toBe('another');
    expect(await readdir(tempRoot)).toHaveLength(1);
  });

  it('removes every copy when the app quits', async () => {
    const { openPath, handlers } = setUp();
    await handlers['documents:open-copy']({ fileName: 'a.pdf', bytes });
    const runFolder = dirname(dirname(openPath.mock.calls[0]![0]));
    handlers.removeTemporaryCopies();
    expect(existsSync(runFolder)).toBe(false);
    // A later open (the app is still quitting slowly) starts a fresh folder rather than failing.
    await handlers['documents:open-copy']({ fileName: 'b.pdf', bytes });
    expect(existsSync(openPath.mock.calls[1]![0])).toBe(true);
  });

  it('says so when no app can open the file', async () => {
    const { handlers } = setUp('No application is associated with this file type');
    const opening = handlers['documents:open-copy']({ fileName: 'data.xyz', bytes });
    await expect(opening).rejects.toBeInstanceOf(UserFacingError);
    await expect(opening).rejects.toThrow(
      /No app on this computer could open “data\.xyz”.*Save a copy/,
    );
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
