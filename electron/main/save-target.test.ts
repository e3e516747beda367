import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, Dialog } from 'electron';
import { UserFacingError } from './ipc';
import { chooseSaveTarget, saveError, writeSaveTarget } from './save-target';

function dialogAnswering(answer: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn<() => Promise<{ canceled: boolean; filePath: string }>>(
    async () => ({
      canceled: answer.canceled,
      filePath: answer.filePath ?? '',
    }),
  );
  return {
    dialog: { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>,
    showSaveDialog,
  };
}

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('the save target', () => {
  it('asks over the main window, in the downloads folder, with the suggested name', async () => {
    const window = {} as BaseWindow;
    const { dialog, showSaveDialog } = dialogAnswering({ canceled: false, filePath: '/x/a.pdf' });
    const path = await chooseSaveTarget(
      { dialog, downloadsDir: '/home/c/Downloads', getMainWindow: () => window },
      { suggestedName: 'a.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
    );
    expect(path).toBe('/x/a.pdf');
    expect(showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: '/home/c/Downloads/a.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('answers nothing when the person cancels, and asks without a window when none is open', async () => {
    const { dialog, showSaveDialog } = dialogAnswering({ canceled: true });
    const path = await chooseSaveTarget(
      { dialog, downloadsDir: '/d', getMainWindow: () => null },
      { suggestedName: 'b.casefile' },
    );
    expect(path).toBeUndefined();
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/d/b.casefile' });
  });

  it('turns a failed write into words the person can act on', async () => {
    const write = vi.fn<(path: string, bytes: Uint8Array) => Promise<void>>(async () => {
      throw failure('ENOSPC');
    });
    const saving = writeSaveTarget('/x/summary.pdf', new Uint8Array([1]), write);
    await expect(saving).rejects.toBeInstanceOf(UserFacingError);
    await expect(saving).rejects.toThrow('The disk is full, so “summary.pdf” was not saved.');
  });

  it('passes unknown failures on unchanged, for the log', () => {
    const odd = failure('EWHATEVER');
    expect(saveError('/x/a', odd)).toBe(odd);
    expect(saveError('/x/a', failure('EROFS'))).toBeInstanceOf(UserFacingError);
  });
});
