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

  async start(): Promise<Page> {
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
    this.page.on('pageerror', (error) => {
      throw new Error(`The page threw: ${error.message}`);
    });
    await this.page.goto('/index.html');
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
