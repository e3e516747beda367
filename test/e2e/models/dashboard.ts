import { expect, type Locator, type Page } from '@playwright/test';

/** The dashboard on Home: its charts found by their titles. */
export class Dashboard {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Dashboard' });
  }

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect(this.region).toBeVisible();
  }

  chart(title: string): Locator {
    return this.region.getByRole('figure', { name: title });
  }

  /**
   * Clicks the bar drawn above the axis label `label` (of `series`, in a chart of several), as a
   * person pointing at it would. A bar says what it is in its tooltip ("2025: Closed 1").
   */
  async clickBar(title: string, label: string, series?: string) {
    const chart = this.chart(title);
    const tick = chart.locator('.cf-bars-label', { hasText: label });
    const tickBox = await tick.boundingBox();
    if (!tickBox) throw new Error(`No axis label ${label} in ${title}.`);
    for (const bar of await chart.locator('rect.cf-bar').all()) {
      const box = await bar.boundingBox();
      const named = await bar.locator('title').textContent();
      if (series && !named?.startsWith(`${label}: ${series} `)) continue;
      const middle = box && box.x + box.width / 2;
      if (box && box.height > 0 && middle! > tickBox.x && middle! < tickBox.x + tickBox.width) {
        await bar.click();
        return;
      }
    }
    throw new Error(`No bar above ${label} in ${title}.`);
  }
}
