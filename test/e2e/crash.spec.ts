import { chromium } from '@playwright/test';
import { expect, test } from './fixtures';
import { crashRuns } from './models/crash-runs.mjs';
import { chromiumArgs, chromiumPath } from './playwright.config';

/** The bench runs 50 (CASEFILE_CRASH_RUNS there); a handful keeps CI fast. */
const runs = Number(process.env.CASEFILE_CRASH_RUNS ?? 8);

test.describe('killing the browser while notes are written and documents attached', () => {
  test('every note and document shown as saved survives with its bytes, and the database opens every time', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(60_000 + runs * 30_000);
    const result = await crashRuns({
      chromium,
      executablePath: chromiumPath ?? chromium.executablePath(),
      args: chromiumArgs,
      userDataDir: testInfo.outputPath('profile'),
      baseURL: baseURL ?? '',
      runs,
    });
    testInfo.annotations.push({
      type: 'crash runs',
      description: `${result.runs} runs, ${result.acknowledged} writes acknowledged (${result.documents.acknowledged} documents), ${result.lost.length} lost`,
    });
    expect(result.failedOpens).toBe(0);
    expect(result.acknowledged).toBeGreaterThan(0);
    // Documents were attached, not only notes: every odd run begins with one.
    expect(result.documents.acknowledged).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
  });
});
