/**
 * The screens the app's first one does not need are scripts of their own, so a cold start parses
 * and runs only the shell, Home and what they use (a cold Home ran the whole app first: one
 * 1.97 MB script, every screen, editor and dialog). Once the first screen has settled, every
 * screen's script is fetched in the window's idle moments (preloadScreens), so a click later does
 * not wait for one. A screen is one script with everything it draws: the dispute page's tabs come
 * with the page, never a script of their own on the first click.
 */
import { lazy, type ComponentType } from 'react';

type Screen<Props> = ComponentType<Props> & { preload: () => Promise<unknown> };

/** A script loaded once; after a failure, asked again on the next use, not stuck on it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

function lazyScreen<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): Screen<Props> {
  const preload = once(load);
  const Screen = lazy(() => preload().then((component) => ({ default: component })));
  return Object.assign(Screen, { preload }) as unknown as Screen<Props>;
}

/** The scripts of the app-wide actions (app/use-menu-commands.tsx). */
export const scriptOf = {
  newDispute: once(() => import('../features/disputes/NewDisputeModal')),
  importBundle: once(() => import('../features/bundles/ImportBundleDialog')),
  backups: once(() => import('../features/backups/BackupsPage')),
  sample: once(() => import('../features/sample/load-sample')),
};

export const DisputePage = lazyScreen(() =>
  import('../features/disputes/DisputePage').then((m) => m.DisputePage),
);
export const DisputesList = lazyScreen(() =>
  import('../features/disputes/DisputesList').then((m) => m.DisputesList),
);
export const SearchPage = lazyScreen(() =>
  import('../features/search/SearchPage').then((m) => m.SearchPage),
);
export const OrganisationsPage = lazyScreen(() =>
  import('../features/organisations/OrganisationsPage').then((m) => m.OrganisationsPage),
);
export const PatentsPage = lazyScreen(() =>
  import('../features/patents/PatentsPage').then((m) => m.PatentsPage),
);
export const BackupsPage = lazyScreen(() => scriptOf.backups().then((m) => m.BackupsPage));
export const TrashPage = lazyScreen(() =>
  import('../features/trash/TrashPage').then((m) => m.TrashPage),
);
export const PrintRoutes = lazyScreen(() =>
  import('../features/printing/PrintRoutes').then((m) => m.PrintRoutes),
);

/** In the order a person is likeliest to go next from Home: the disputes, then one of them. */
const byLikelihood: (() => Promise<unknown>)[] = [
  DisputesList.preload,
  DisputePage.preload,
  scriptOf.newDispute,
  SearchPage.preload,
  OrganisationsPage.preload,
  PatentsPage.preload,
  BackupsPage.preload,
  TrashPage.preload,
  scriptOf.importBundle,
  scriptOf.sample,
  PrintRoutes.preload,
];

/**
 * Fetches and runs every screen's script, one an idle moment (each is tens of milliseconds of
 * parsing and running), so the window answers input between them. Failures are left to the
 * visit, which asks again and shows its own error.
 */
export function preloadScreens(): () => void {
  let stopped = false;
  let next = 0;
  let idle: number | undefined;
  const step = () => {
    const preload = byLikelihood[next];
    if (stopped || !preload) return;
    next += 1;
    preload()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) idle = requestIdleCallback(step, { timeout: 2000 });
      });
  };
  idle = requestIdleCallback(step, { timeout: 2000 });
  return () => {
    stopped = true;
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
