/**
 * Display preferences kept with the app on this computer: the colour scheme (Mantine's, through
 * the manager below) and table density. Each is read at start from localStorage, synchronously,
 * so the first frame is drawn in it, and each choice is also written to the database's settings.
 * Chromium writes localStorage to disk a few seconds after a change, and a browser closed within
 * about a second of the choice started again without it (seen in CI); an IndexedDB transaction
 * is on disk once it commits. At start the database's copy, where it differs, wins and is put
 * back into localStorage.
 */
import {
  isMantineColorScheme,
  localStorageColorSchemeManager,
  type MantineColorScheme,
  type MantineColorSchemeManager,
} from '@mantine/core';
import { useCallback, useSyncExternalStore } from 'react';
import type { CasefileDb } from '../db/casefile-db';

export type Density = 'comfortable' | 'compact';

type Appearance = { colorScheme?: MantineColorScheme; density?: Density };

/** The settings row holding the appearance chosen (not part of any case). */
export const APPEARANCE_KEY = 'appearance';
const COLOR_SCHEME_KEY = 'mantine-color-scheme-value';
const DENSITY_KEY = 'casefile-table-density';

const densityListeners = new Set<() => void>();
const schemeListeners = new Set<(scheme: MantineColorScheme) => void>();

function readDensity(): Density {
  return localStorage.getItem(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable';
}

function setDensityHere(density: Density) {
  localStorage.setItem(DENSITY_KEY, density);
  applyDensity(density);
  for (const listener of densityListeners) listener();
}

/** Sets the attribute the table styles in app.css follow. */
export function applyDensity(density: Density = readDensity()): void {
  document.documentElement.dataset.density = density;
}

/** Writes one choice into the settings row; a failure costs only the durable copy. */
function remember(db: CasefileDb, choice: Appearance): void {
  db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(APPEARANCE_KEY);
    const saved = (row?.value ?? {}) as Appearance;
    await db.settings.put({ key: APPEARANCE_KEY, value: { ...saved, ...choice } });
  }).catch(() => undefined);
}

/**
 * Puts back what the database remembers where localStorage lost it (or holds another choice);
 * called once the app has started. The row is checked field by field: a settings row written by
 * hand or by a future version cannot set anything but a known scheme or density.
 */
export async function restoreAppearance(db: CasefileDb): Promise<void> {
  const row = await db.settings.get(APPEARANCE_KEY);
  const saved = (row?.value ?? {}) as Record<string, unknown>;
  const { colorScheme, density } = saved;
  if (isMantineColorScheme(colorScheme) && localStorage.getItem(COLOR_SCHEME_KEY) !== colorScheme) {
    localStorage.setItem(COLOR_SCHEME_KEY, colorScheme);
    for (const listener of schemeListeners) listener(colorScheme);
  }
  if ((density === 'compact' || density === 'comfortable') && density !== readDensity()) {
    setDensityHere(density);
  }
}

export function useDensity(db: CasefileDb): [Density, (density: Density) => void] {
  const density = useSyncExternalStore((listener) => {
    densityListeners.add(listener);
    return () => densityListeners.delete(listener);
  }, readDensity);
  const set = useCallback(
    (next: Density) => {
      setDensityHere(next);
      remember(db, { density: next });
    },
    [db],
  );
  return [density, set];
}

/**
 * Mantine's localStorage manager, with each choice also remembered in the database; a choice put
 * back by `restoreAppearance` reaches the provider as another tab's change would. Mantine sets it
 * through `set` again: that write is skipped, as localStorage already holds it.
 */
export function appearanceColorSchemeManager(db: CasefileDb): MantineColorSchemeManager {
  const local = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });
  let listener: ((scheme: MantineColorScheme) => void) | null = null;
  return {
    get: local.get,
    set: (scheme) => {
      if (localStorage.getItem(COLOR_SCHEME_KEY) === scheme) return;
      local.set(scheme);
      remember(db, { colorScheme: scheme });
    },
    subscribe: (onUpdate) => {
      local.subscribe(onUpdate);
      listener = onUpdate;
      schemeListeners.add(onUpdate);
    },
    unsubscribe: () => {
      local.unsubscribe();
      if (listener) schemeListeners.delete(listener);
      listener = null;
    },
    clear: local.clear,
  };
}
