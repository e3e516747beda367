/**
 * The Backups page's encryption through the UI: "Encrypt backups" with its passphrase typed
 * twice, and the passphrase asked for when an encrypted backup is restored.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class BackupEncryption {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Backup encryption' });
  }

  /** Turns "Encrypt backups" on with `passphrase`; returns the strength hint that was shown. */
  async turnOn(passphrase: string): Promise<string> {
    await this.form.getByRole('checkbox', { name: 'Encrypt backups' }).check();
    await this.form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.form.getByLabel('Passphrase again').fill(passphrase);
    const hint = await this.form.getByText(/^(Weak|Fair|Strong)\b/).textContent();
    await this.form.getByRole('button', { name: 'Save encryption setting' }).click();
    await expect(this.page.getByText('Backup encryption saved')).toBeVisible();
    return hint ?? '';
  }

  /** The dialog asking for an encrypted backup's passphrase, after "Replace my case files". */
  get unlockDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Passphrase needed' });
  }

  async unlock(passphrase: string): Promise<void> {
    await this.unlockDialog.getByLabel('Passphrase').fill(passphrase);
    await this.unlockDialog.getByRole('button', { name: 'Open' }).click();
  }

  /** The prompt "Back up now" shows when backups are encrypted and no passphrase is known. */
  get prompt(): Locator {
    return this.page.getByRole('dialog', { name: 'Backup passphrase' });
  }

  async answerPrompt(passphrase: string): Promise<void> {
    await this.prompt.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.prompt.getByLabel('Passphrase again').fill(passphrase);
    await this.prompt.getByRole('button', { name: 'Back up encrypted' }).click();
  }
}
