import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The screen shown instead of the app when the case files cannot be opened. */
export class RecoveryScreen {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Casefile cannot open your case files' });
  }

  explanation() {
    return this.page.getByRole('alert').filter({ hasText: 'What happened' });
  }

  async startEmpty() {
    await this.page
      .getByRole('button', { name: 'Start with an empty database (the damaged one is kept aside)' })
      .click();
    await expect(this.heading()).toBeHidden();
  }
}

/**
 * Overwrites every file of the origin's IndexedDB LevelDB folder (CURRENT, MANIFEST, logs, .ldb
 * tables) with garbage, as a failing disk or a half-copied profile would leave them.
 */
export function damageIndexedDb(userDataDir: string, origin: string): string[] {
  const folder = join(
    userDataDir,
    'Default',
    'IndexedDB',
    `${origin.replace('://', '_').replace(':', '_')}.indexeddb.leveldb`,
  );
  const files = readdirSync(folder).filter((file) => file !== 'LOCK');
  for (const file of files) writeFileSync(join(folder, file), 'not a database '.repeat(64));
  return files;
}
