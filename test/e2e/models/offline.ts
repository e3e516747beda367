import type { BrowserContext } from '@playwright/test';

/**
 * Blocks every request that does not go to the app's own server, for every page and worker of the
 * context, and keeps the list of what was attempted, so a test can prove nothing was fetched
 * from the network (and, from `served`, that the app's own files were).
 */
export class OfflineGuard {
  readonly blocked: string[] = [];
  readonly served: string[] = [];

  static async install(context: BrowserContext, appOrigin: string): Promise<OfflineGuard> {
    const guard = new OfflineGuard();
    const local = (url: string) =>
      url.startsWith(appOrigin) || /^(blob|data|about|chrome-extension):/.test(url);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (local(url)) {
        guard.served.push(url);
        await route.continue();
      } else {
        guard.blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });
    context.on('request', (request) => {
      if (!local(request.url())) guard.blocked.push(request.url());
    });
    return guard;
  }
}
