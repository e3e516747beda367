import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW,
  MIN_WINDOW,
  readWindowState,
  stateOf,
} from './window-state';

// 1366×768 at 125 %: 1093×614 device-independent pixels, less a 48 px taskbar.
const smallLaptop = { x: 0, y: 0, width: 1093, height: 566 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('where the window opens', () => {
  it('has a minimum size that fits a 1366×768 screen at 125 % scaling', () => {
    expect(MIN_WINDOW.width).toBeLessThanOrEqual(1092);
    expect(MIN_WINDOW.height).toBeLessThanOrEqual(614);
  });

  it('opens where it was left when that is still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(clampToDisplays(saved, [laptop, monitorOnTheRight])).toEqual(saved);
  });

  it('comes back to the primary display when its monitor has gone', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    const opened = clampToDisplays(saved, [laptop]);
    expect(opened).toEqual({ x: 20, y: 0, width: 1400, height: 875, maximized: false });
  });

  it('shrinks to fit a smaller display and moves fully onto it', () => {
    const saved = { x: 500, y: 300, width: 1280, height: 820, maximized: false };
    const opened = clampToDisplays(saved, [smallLaptop]);
    expect(opened).toEqual({ x: 0, y: 0, width: 1093, height: 566, maximized: false });
  });

  it('pulls a window hanging off the edge back onto its display', () => {
    const saved = { x: -300, y: 700, width: 1200, height: 700, maximized: false };
    expect(clampToDisplays(saved, [laptop])).toMatchObject({ x: 0, y: 175 });
  });

  it('opens centred at the default size the first time', () => {
    expect(clampToDisplays(undefined, [monitorOnTheRight])).toEqual({
      x: 1440 + (2560 - DEFAULT_WINDOW.width) / 2,
      y: (1400 - DEFAULT_WINDOW.height) / 2,
      ...DEFAULT_WINDOW,
      maximized: false,
    });
  });

  it('never opens below the minimum size on a display that has room', () => {
    const saved = { x: 10, y: 10, width: 300, height: 200, maximized: false };
    expect(clampToDisplays(saved, [laptop])).toMatchObject(MIN_WINDOW);
  });

  it('reads back what was saved, and ignores a damaged file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'casefile-window-state-'));
    try {
      const file = join(folder, 'window-state.json');
      const window = {
        getNormalBounds: () => ({ x: 1, y: 2, width: 1100, height: 700 }),
        isMaximized: () => true,
      };
      await writeFile(file, JSON.stringify(stateOf(window)));
      expect(readWindowState(file)).toEqual({
        x: 1,
        y: 2,
        width: 1100,
        height: 700,
        maximized: true,
      });
      await writeFile(file, '{"width": "wide"');
      expect(readWindowState(file)).toBeUndefined();
      expect(readWindowState(join(folder, 'missing.json'))).toBeUndefined();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
