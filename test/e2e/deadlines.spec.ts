import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, test } from './fixtures';
import { DeadlinesTab, HomeScreen, isoDaysFromToday } from './models/deadlines';
import { DisputesList } from './models/disputes-list';
import { Printing } from './models/printing';

test.describe('deadlines and events', () => {
  test.beforeEach(async ({ app }) => {
    await app.page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(app.page).create({ title: 'Orion v. Nimbus', status: 'Active' });
  });

  test('an overdue deadline is marked overdue on the home screen and can be marked done there', async ({
    app,
  }) => {
    let page = app.page;
    const deadlines = new DeadlinesTab(page);
    await deadlines.open();
    await deadlines.add({
      title: 'Statement of defence',
      date: isoDaysFromToday(-2),
      responsible: 'Jane Roe',
    });
    await deadlines.add({
      title: 'Oral hearing',
      date: isoDaysFromToday(10),
      time: '09:30',
      timeZone: 'Europe/Berlin',
      kind: 'Hearing',
    });
    await deadlines.add({
      title: 'Final decision due',
      date: isoDaysFromToday(45),
      kind: 'Statutory period',
    });
    await expect(deadlines.row('Statement of defence')).toContainText('Overdue');

    const home = new HomeScreen(page);
    await home.goto();
    const overdue = home.overdue.getByRole('row').filter({ hasText: 'Statement of defence' });
    await expect(overdue).toContainText('Overdue');
    await expect(overdue).toContainText('Orion v. Nimbus');
    await expect(overdue).toContainText('Jane Roe');
    const upcoming = home.upcoming.getByRole('row').filter({ hasText: 'Oral hearing' });
    await expect(upcoming).toContainText('Due soon');
    await expect(upcoming).toContainText('09:30 (Europe/Berlin)');
    await expect(home.overdue).not.toContainText('Oral hearing');
    await expect(page.getByText('Final decision due')).toHaveCount(0);

    await overdue.getByRole('button', { name: 'Mark done: Statement of defence' }).click();
    await expect(page.getByText('Nothing is overdue.')).toBeVisible();

    page = await app.restart();
    const after = new HomeScreen(page);
    await after.goto();
    await expect(page.getByText('Nothing is overdue.')).toBeVisible();
    await expect(after.upcoming).toContainText('Oral hearing');
    // The dispute link opens the deadline on its dispute's Deadlines tab.
    await after.upcoming.getByRole('link', { name: 'Orion v. Nimbus' }).click();
    const tab = new DeadlinesTab(page);
    await expect(tab.row('Oral hearing')).toBeFocused();
    await expect(tab.row('Statement of defence')).toContainText('Done');
    await expect(page.getByRole('checkbox', { name: 'Done: Statement of defence' })).toBeChecked();
  });

  test('a long overdue list draws its first rows and shows the rest on request', async ({
    app,
  }) => {
    const page = app.page;
    const records = new Printing(page);
    const disputeId = await records.disputeId();
    const now = new Date().toISOString();
    // Typing 60 deadlines would take minutes; they go straight into the table the app reads.
    await records.insertRecords(
      'deadlines',
      Array.from({ length: 60 }, (_, i) => ({
        id: crypto.randomUUID(),
        disputeId,
        proceedingId: null,
        date: isoDaysFromToday(-1 - i),
        time: '',
        timeZone: '',
        kind: 'filing-deadline',
        title: `Overdue filing ${String(i + 1).padStart(2, '0')}`,
        responsible: '',
        reminderDays: null,
        done: false,
        // As the write path stores an open deadline (schema 3): its date in the open-deadline index.
        openDue: isoDaysFromToday(-1 - i),
        createdAt: now,
        updatedAt: now,
      })),
    );
    const home = new HomeScreen(page);
    await home.goto();
    // Fifty rows and the header.
    await expect(home.overdue.getByRole('row')).toHaveCount(51);
    await expect(page.getByText('Showing 50 of 60.')).toBeVisible();
    await page.getByRole('button', { name: 'Show all 60 overdue deadlines' }).click();
    await expect(home.overdue.getByRole('row')).toHaveCount(61);
    await expect(home.overdue).toContainText('Overdue filing 60');
  });

  test('the exported .ics file parses and holds the deadlines, one dispute or all', async ({
    app,
  }) => {
    const page = app.page;
    const deadlines = new DeadlinesTab(page);
    await deadlines.open();
    await deadlines.add({ title: 'Reply brief', date: '2031-01-10', reminderDays: '7' });
    await deadlines.add({
      title: 'Oral hearing',
      date: '2031-03-18',
      time: '09:30',
      timeZone: 'Europe/Berlin',
      kind: 'Hearing',
    });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export deadlines (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Orion v\. Nimbus deadlines \d{4}-\d{2}-\d{2}\.ics$/);
    const events = parseEvents(await readFile((await file.path()) as string, 'utf8'));
    expect(events.map((e) => e.summary)).toEqual([
      'Reply brief — Orion v. Nimbus',
      'Oral hearing — Orion v. Nimbus',
    ]);
    const [reply, hearing] = events;
    expect(reply?.startDate.isDate).toBe(true);
    expect(reply?.startDate.toString()).toBe('2031-01-10');
    expect(
      reply?.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString(),
    ).toBe('-P7D');
    expect(hearing?.startDate.toJSDate().toISOString()).toBe('2031-03-18T08:30:00.000Z');
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);

    // A second dispute; the home screen exports every dispute's deadlines in one file.
    await new DisputesList(page).goto();
    await new DisputesList(page).create({ title: 'Lumen v. Vireo', status: 'Active' });
    await deadlines.open();
    await deadlines.add({ title: 'PTAB hearing', date: '2031-02-10', kind: 'Hearing' });
    const home = new HomeScreen(page);
    await home.goto();
    const all = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all deadlines (.ics)' }).click();
    const allEvents = parseEvents(await readFile((await (await all).path()) as string, 'utf8'));
    expect(allEvents.map((e) => e.summary).sort()).toEqual([
      'Oral hearing — Orion v. Nimbus',
      'PTAB hearing — Lumen v. Vireo',
      'Reply brief — Orion v. Nimbus',
    ]);
    // The same deadline keeps its UID from one export to the next.
    expect(allEvents.find((e) => e.summary.startsWith('Reply brief'))?.uid).toBe(reply?.uid);
  });

  test('a date that does not exist is refused by its field and nothing is saved', async ({
    app,
  }) => {
    const page = app.page;
    const deadlines = new DeadlinesTab(page);
    await deadlines.open();
    await page.getByRole('button', { name: 'Add deadline' }).click();
    const dialog = deadlines.dialog('Add deadline');
    await deadlines.fill(dialog, { title: 'Impossible', date: '2023-02-30', time: '9 am' });
    await dialog.getByRole('button', { name: 'Add deadline' }).click();
    const date = dialog.getByLabel('Date', { exact: true });
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(/Enter a real date/);
    await expect(dialog.getByLabel('Time', { exact: true })).toHaveAccessibleDescription(/HH:MM/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('No deadlines or events yet.')).toBeVisible();
  });
});

function parseEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
