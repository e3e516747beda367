/**
 * Where the main window opens: where the person left it (position, size, maximised), as long as
 * that place is still on a screen. A laptop undocked from its second monitor must not open
 * Casefile off-screen, and a window saved on a large display must not open larger than a small
 * one. The minimum size fits a 1366×768 screen at 125 % scaling (about 1092×614 usable pixels
 * once the taskbar is taken off).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const MIN_WINDOW = { width: 1000, height: 600 } as const;
export const DEFAULT_WINDOW = { width: 1280, height: 820 } as const;

export type Rectangle = { x: number; y: number; width: number; height: number };
export type WindowState = Partial<Pick<Rectangle, 'x' | 'y'>> &
  Pick<Rectangle, 'width' | 'height'> & { maximized: boolean };

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** How much of the window must be on a display to count as still there (its title bar, say). */
const VISIBLE = { width: 120, height: 60 };

function overlap(a: Rectangle, b: Rectangle) {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The bounds to open with: the saved ones moved and shrunk to fit the display they are (mostly)
 * on, or centred on the first display (the primary) when they are on none. Never below the
 * minimum size unless the display itself is smaller.
 */
export function clampToDisplays(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW };
  const wanted = saved ?? { ...DEFAULT_WINDOW, maximized: false };
  const fit = (size: number, min: number, available: number) =>
    Math.min(Math.max(size, Math.min(min, available)), available);

  const onScreen =
    wanted.x === undefined || wanted.y === undefined
      ? undefined
      : workAreas
          .map((area) => ({
            area,
            seen: overlap(
              { x: wanted.x!, y: wanted.y!, width: wanted.width, height: wanted.height },
              area,
            ),
          }))
          .filter(({ seen }) => seen.width >= VISIBLE.width && seen.height >= VISIBLE.height)
          .sort((a, b) => b.seen.width * b.seen.height - a.seen.width * a.seen.height)[0]?.area;

  const area = onScreen ?? primary;
  const width = fit(wanted.width, MIN_WINDOW.width, area.width);
  const height = fit(wanted.height, MIN_WINDOW.height, area.height);
  const centred = {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
  };
  const x = onScreen
    ? Math.min(Math.max(wanted.x!, area.x), area.x + area.width - width)
    : centred.x;
  const y = onScreen
    ? Math.min(Math.max(wanted.y!, area.y), area.y + area.height - height)
    : centred.y;
  return { x, y, width, height, maximized: wanted.maximized };
}

/** The saved state, or undefined when there is none or it is not readable. */
export function readWindowState(file: string): WindowState | undefined {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What to save of a window: its normal (unmaximised) bounds and whether it is maximised. */
export function stateOf(window: {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}): WindowState {
  return { ...window.getNormalBounds(), maximized: window.isMaximized() };
}
