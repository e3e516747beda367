/**
 * Each test gets its own Chromium profile folder, so IndexedDB starts empty and a test can close
 * the browser and start it again on the same folder, as a person restarting the app would.
 */
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './playwright.config';

export class AppSession {
  context!: BrowserContext;
  page!: Page;

  constructor(
    readonly userDataDir: string,
    private readonly baseURL: string,
  ) {}

  /** The browser on this profile, its one page not yet anywhere. */
  private async launch(): Promise<Page> {
    this.context = await chromium.launchPersistentContext(this.userDataDir, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      baseURL: this.baseURL,
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
      reducedMotion: 'reduce',
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    return this.page;
  }

  async start(): Promise<Page> {
    await this.launch();
    this.page.on('pageerror', (error) => {
      throw new Error(`The page threw: ${error.message}`);
    });
    await this.page.goto('/index.html');
    return this.page;
  }

  /**
   * The browser on this profile showing a blank page of the app's origin instead of the app: its
   * IndexedDB and origin-private files, with no Casefile running on them.
   */
  async startWithoutApp(): Promise<Page> {
    await this.launch();
    await this.page.route('**/blank.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    await this.page.goto('/blank.html');
    return this.page;
  }

  async restart(): Promise<Page> {
    await this.context.close();
    return this.start();
  }

  async close(): Promise<void> {
    await this.context?.close();
  }
}

export const test = base.extend<{ app: AppSession }>({
  app: async ({ baseURL }, use, testInfo) => {
    const session = new AppSession(testInfo.outputPath('profile'), baseURL ?? '');
    await session.start();
    await use(session);
    await session.close();
  },
});

export { expect };
