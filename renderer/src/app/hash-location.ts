/**
 * Hash routing with the query inside the hash: `#/disputes?status=active&forum=UPC`. wouter's own
 * hash hook puts a query in the page's real search (`index.html?status=active#/disputes`), where it
 * outlives the page it belongs to and a bookmark reads back to front. Here the path (what routes
 * match) and the search (what a page reads with `useSearch`) both come from the hash, and
 * navigating replaces both.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const onHashChange = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) addEventListener('hashchange', onHashChange);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) removeEventListener('hashchange', onHashChange);
  };
}

function hashParts(): [path: string, search: string] {
  const hash = location.hash.replace(/^#?\/?/, '');
  const at = hash.indexOf('?');
  return at < 0 ? [`/${hash}`, ''] : [`/${hash.slice(0, at)}`, hash.slice(at + 1)];
}

/** The path the address holds now, which may be ahead of what React last drew. */
export const currentPath = () => hashParts()[0];
const currentSearch = () => hashParts()[1];

export function navigateHash(to: string, { replace = false }: { replace?: boolean } = {}): void {
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = `/${to.replace(/^#?\/?/, '')}`;
  if (url.href === oldURL) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', url.href);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

/** wouter's location hook: the hash's path, without its query. */
export function useHashPath(): [string, typeof navigateHash] {
  return [useSyncExternalStore(subscribe, currentPath, () => '/'), navigateHash];
}
useHashPath.hrefs = (href: string) => `#${href}`;

/**
 * Whether the hash's path passes `test` (a function of the module, not made per render): the
 * component redraws only when that answer changes, not at every navigation as with useLocation.
 */
export function useHashPathIs(test: (path: string) => boolean): boolean {
  return useSyncExternalStore(
    subscribe,
    () => test(currentPath()),
    () => test('/'),
  );
}

/** wouter's search hook: the query written inside the hash. */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, () => '');
}
