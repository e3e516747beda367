/**
 * Display preferences kept on this computer (not in the case files): table density. The colour
 * scheme is Mantine's own, remembered by its colour-scheme manager in localStorage.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Density = 'comfortable' | 'compact';

const DENSITY_KEY = 'casefile-table-density';
const listeners = new Set<() => void>();

function readDensity(): Density {
  return localStorage.getItem(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable';
}

/** Sets the attribute the table styles in app.css follow. */
export function applyDensity(density: Density = readDensity()): void {
  document.documentElement.dataset.density = density;
}

export function useDensity(): [Density, (density: Density) => void] {
  const density = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readDensity);
  const set = useCallback((next: Density) => {
    localStorage.setItem(DENSITY_KEY, next);
    applyDensity(next);
    for (const listener of listeners) listener();
  }, []);
  return [density, set];
}
