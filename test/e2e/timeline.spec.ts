import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DeadlinesTab } from './models/deadlines';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { NotesTab } from './models/notes';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

/** The entries of one timeline list, in order, as "date | kind | title". */
function entries(page: Page, list: string): Promise<string[]> {
  return page
    .getByRole('list', { name: list })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((item) =>
        [...(item.querySelector('a')?.parentElement?.children ?? [])]
          .map((part) => part.textContent?.trim())
          .join(' | '),
      ),
    );
}

test.describe('the timeline', () => {
  test('orders mixed entries by date, keeps undated ones apart, filters by kind and opens each item', async ({
    app,
  }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(page).create({ title: 'Acme v. Widget', status: 'Active' });
    const dispute = new DisputePage(page);
    // Entered out of order on purpose: the timeline, not the typing, gives the order.
    const deadlines = new DeadlinesTab(page);
    await deadlines.open();
    await deadlines.add({
      title: 'Claim construction hearing',
      date: '2024-09-12',
      time: '10:00',
      kind: 'Hearing',
    });
    await deadlines.add({ title: 'Answer due', date: '2024-06-05', kind: 'Response due' });
    const notes = new NotesTab(page);
    await notes.open();
    await notes.add({ date: '2024-09-12', kind: 'Meeting', title: 'Hallway talk' });
    await notes.add({ date: '2024-06', kind: 'Offer', title: 'Opening offer' });
    await notes.add({ date: '', kind: 'Call', title: 'Call, date lost' });
    await dispute.addProceeding({
      forum: 'D. Del.',
      country: 'United States',
      filedOn: '2024-05-06',
    });
    await dispute.recordOutcome({ kind: 'Settlement', date: '2025' });

    await dispute.tab('Timeline');
    await expect
      .poll(() => entries(page, 'Timeline'))
      .toEqual([
        '6 May 2024 | Proceeding filed | Filed: D. Del. (United States)',
        'June 2024 | Offer | Opening offer',
        '5 June 2024 | Response due | Answer due',
        '12 September 2024 | Meeting | Hallway talk',
        '12 September 2024, 10:00 | Hearing | Claim construction hearing',
        '2025 | Resolution | Outcome: Settlement',
      ]);
    await expect(page.getByRole('heading', { name: 'Undated' })).toBeVisible();
    await expect
      .poll(() => entries(page, 'Undated entries'))
      .toEqual(['Date not given | Call | Call, date lost']);

    await page.getByRole('checkbox', { name: 'Notes' }).uncheck();
    await page.getByRole('checkbox', { name: 'Proceedings' }).uncheck();
    await expect
      .poll(() => entries(page, 'Timeline'))
      .toEqual([
        '5 June 2024 | Response due | Answer due',
        '12 September 2024, 10:00 | Hearing | Claim construction hearing',
        '2025 | Resolution | Outcome: Settlement',
      ]);
    await expect(page.getByRole('heading', { name: 'Undated' })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Notes' }).check();

    await page.getByRole('link', { name: 'Opening offer' }).click();
    await expect(page.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
    await expect(notes.note('Note: Opening offer, June 2024')).toBeFocused();

    await dispute.tab('Timeline');
    await page.getByRole('link', { name: 'Claim construction hearing' }).click();
    await expect(deadlines.row('Claim construction hearing')).toBeFocused();

    await dispute.tab('Timeline');
    await page.getByRole('link', { name: 'Filed: D. Del. (United States)' }).click();
    await expect(page.getByRole('tab', { name: 'Proceedings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(
      page
        .getByRole('table', { name: 'Proceedings' })
        .getByRole('row')
        .filter({ hasText: 'D. Del.' }),
    ).toBeFocused();

    await dispute.tab('Timeline');
    await page.getByRole('link', { name: 'Outcome: Settlement' }).click();
    await expect(page.getByRole('tab', { name: 'Resolution' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('the sample tells Huawei v. Xiaomi from the March 2023 filing to the cross-licence', async ({
    app,
  }) => {
    // Six screens, each checked with axe: slow on a busy machine, not a sign of a slow app.
    test.slow();
    const page = app.page;
    await openSampleCaseFile(page);
    const dispute = new DisputePage(page);
    await dispute.tab('Timeline');
    await expect
      .poll(() => entries(page, 'Timeline'))
      .toContain('March 2023 | Other | Huawei sues Xiaomi in China');
    const all = await entries(page, 'Timeline');
    expect(all[0]).toBe('March 2023 | Proceeding filed | Filed: China');
    expect(all.every((e) => e.startsWith('March 2023'))).toBe(true);
    expect(await entries(page, 'Undated entries')).toEqual([
      'Date not given | Other | Settlement announced: global patent cross-licence',
      'Date not given | Resolution | Outcome: Cross-licence',
    ]);

    // An entry opens its item: the filing's row on the Documents tab, focused.
    await page
      .getByRole('link', {
        name: 'Summary of the March 2023 complaint (from the public announcement)',
      })
      .click();
    await expect(
      page
        .getByRole('table', { name: 'Documents' })
        .getByRole('row')
        .filter({ hasText: 'Summary of the March 2023 complaint' }),
    ).toBeFocused();

    await dispute.tab('Notes');
    const announcement = page.getByRole('article', {
      name: 'Note: Settlement announced: global patent cross-licence, date not given',
    });
    await expect(announcement).toContainText('strategic cooperation agreement');
    await expect(announcement).toContainText('5G, artificial intelligence and cloud computing');
    await expect(announcement.getByRole('link', { name: 'Records the resolution' })).toBeVisible();
    await expect(
      page.getByRole('article', { name: /Huawei sues Xiaomi in China, March 2023/ }),
    ).toContainText('four of Huawei’s registered patents');
    expect(await seriousViolations(page), 'Notes tab').toEqual([]);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('dialog', { name: 'Add note' })).toBeVisible();
    expect(await seriousViolations(page), 'Add note dialog').toEqual([]);
    await page
      .getByRole('dialog', { name: 'Add note' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await dispute.tab('Deadlines');
    await expect(page.getByText('No deadlines or events yet.')).toBeVisible();
    await dispute.tab('Timeline');
    expect(await seriousViolations(page), 'Timeline tab').toEqual([]);

    // The fictional disputes have deadlines: the home screen lists the next 30 days' and the tab all.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
    await expect(
      page
        .getByText('Nothing is overdue.')
        .or(page.getByRole('table', { name: 'Overdue deadlines' })),
    ).toBeVisible();
    expect(await seriousViolations(page), 'Home').toEqual([]);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Disputes' })
      .click();
    await page.getByRole('link', { name: 'Orion Mobile v. Nimbus Devices (fictional)' }).click();
    await dispute.tab('Deadlines');
    await expect(
      page.getByRole('table', { name: 'Deadlines and events' }).getByRole('row'),
    ).toHaveCount(4);
    expect(await seriousViolations(page), 'Deadlines tab').toEqual([]);
  });
});
