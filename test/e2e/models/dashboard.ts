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

  /** Clicks the bar drawn above the axis label `label`, as a person pointing at it would. */
  async clickBar(title: string, label: string) {
    const chart = this.chart(title);
    // Recharts' charts and the light ones (SvgBarChart) alike: the label under the axis, and the
    // bars above it.
    const tick = chart.locator('.recharts-cartesian-axis-tick-value, .cf-bars-label', {
      hasText: label,
    });
    const tickBox = await tick.boundingBox();
    if (!tickBox) throw new Error(`No axis label ${label} in ${title}.`);
    const middle = tickBox.x + tickBox.width / 2;
    for (const bar of await chart.locator('.recharts-bar-rectangle path, rect.cf-bar').all()) {
      const box = await bar.boundingBox();
      if (box && box.height > 0 && Math.abs(box.x + box.width / 2 - middle) < box.width / 2) {
        await bar.click();
        return;
      }
    }
    throw new Error(`No bar above ${label} in ${title}.`);
  }
}
