import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The serious and critical axe findings on the page as it is, one line each (rule, help, the
 * elements and why), so a failing test says what to fix. `legacyMode` runs axe in the page itself:
 * its default finishes the run in a new tab, which a context whose requests all go through the
 * offline guard does not open.
 */
export async function seriousViolations(
  page: Page,
  { legacyMode = false }: { legacyMode?: boolean } = {},
): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(legacyMode).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`).join(', ')})`,
    );
}
