import { execFileSync } from 'node:child_process';
import { parsePrintRoute, summaryRoute } from '../../shared/print-options';
import { expect, test } from './fixtures';
import { DisputesList } from './models/disputes-list';
import { Printing } from './models/printing';
import { openSampleCaseFile } from './models/welcome';

const LINE = 'Board of Directors — Strictly Confidential';
const now = new Date().toISOString();

function note(disputeId: string, id: string, fields: Record<string, unknown>) {
  return {
    id,
    disputeId,
    date: '2023-06-01',
    kind: 'offer',
    participants: '',
    amount: null,
    currency: '',
    title: '',
    body: '',
    documentIds: [],
    privilege: 'attorney-client-work-product',
    recordsResolution: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

async function openSample(printing: Printing) {
  const page = printing.page;
  await openSampleCaseFile(page);
  return printing.disputeId();
}

test.describe('printing case summaries', () => {
  test('prints the sample summary from the dialog, with every section and the line on every page', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    const printing = new Printing(page);
    const disputeId = await openSample(printing);

    const dialog = await printing.openDialog();
    await expect(
      dialog.getByRole('switch', { name: 'Include privileged notes' }),
    ).not.toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'A4' })).toBeChecked();
    // The preview is the summary itself.
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('table', { name: 'Patents and assertions' })).toContainText(
      'Smartphone photography',
    );
    await dialog.getByLabel('Confidentiality line').fill(LINE);
    await dialog.getByRole('radio', { name: 'Letter' }).check();

    // In a browser "Save as PDF…" prints the route in this window through window.print().
    await printing.captureBrowserPrints();
    const printed = await printing.printFromDialog(dialog, 'Save as PDF…');
    expect(printed).toMatchObject({ ready: 'true', runningHeader: true });
    const route = printed.hash.slice(1);
    const parsed = parsePrintRoute(route);
    expect(parsed).toEqual({
      kind: 'summary',
      disputeId,
      choices: expect.objectContaining({ privileged: false, paper: 'Letter', line: LINE }),
    });
    if (parsed.kind !== 'summary') throw new Error('not a summary route');

    const pdf = await printing.pdf(route, parsed.choices, testInfo.outputPath('sample.pdf'));
    await pdf.attachFirstPage(testInfo, 'sample-summary-page-1');
    const text = pdf.text();
    for (const fact of [
      'Huawei Technologies Co., Ltd.',
      'Xiaomi Corporation',
      'Plaintiff',
      'Defendant',
      'China',
      'March 2023',
      'Wireless communication',
      'Smartphone photography',
      'Screen lock',
      'Cross-licence',
      'Global',
      'including 5G',
      'strategic cooperation agreement',
      'Settled',
      'Not a party',
    ]) {
      expect(text, `the summary mentions ${fact}`).toContain(fact);
    }
    for (const heading of [
      'Overview',
      'Parties and counsel',
      'Proceedings',
      'Patents and assertions',
      'Resolution and licence terms',
      'Chronology',
      'Documents index',
      'Settlement notes',
    ]) {
      expect(text).toContain(heading);
    }
    // No app chrome on paper.
    expect(text).not.toContain('Casefile menu');
    expect(text).not.toContain('Save as PDF');
    expect(text).not.toContain('Back to Huawei');

    expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
    pdf.pages().forEach((pageText, i) => {
      expect(pageText, `page ${i + 1} carries the line`).toContain(LINE);
      expect(pageText).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
    });
    expect(pdf.text(1)).toContain(`Page 1 of ${pdf.pageCount}`);
    // Letter paper: 612 × 792 points.
    expect(
      (await import('node:child_process')).execFileSync('pdfinfo', [pdf.path], {
        encoding: 'utf8',
      }),
    ).toMatch(/Page size:\s+612 x 792 pts/);
  });

  test('leaves privileged notes out unless they are chosen', async ({ app }, testInfo) => {
    const page = app.page;
    const printing = new Printing(page);
    const disputeId = await openSample(printing);
    await printing.insertRecords('notes', [
      note(disputeId, 'note-privileged', {
        title: 'Walk-away number',
        body: 'We would accept a royalty of up to 1.2% per unit.',
      }),
      note(disputeId, 'note-open', {
        date: '2023-07-01',
        kind: 'meeting',
        title: 'Joint press briefing',
        body: 'Both sides confirmed the announcement wording.',
        privilege: 'none',
      }),
    ]);

    const dialog = await printing.openDialog();
    await dialog.getByRole('switch', { name: 'Include privileged notes' }).check();
    await printing.captureBrowserPrints();
    const withPrivileged = await printing.printFromDialog(dialog, 'Print…');
    const chosen = parsePrintRoute(withPrivileged.hash.slice(1));
    if (chosen.kind !== 'summary') throw new Error('not a summary route');
    expect(chosen.choices.privileged).toBe(true);

    const included = (
      await printing.pdf(
        withPrivileged.hash.slice(1),
        chosen.choices,
        testInfo.outputPath('with.pdf'),
      )
    ).text();
    expect(included).toContain('Walk-away number');
    expect(included).toContain('royalty of up to 1.2%');
    expect(included).toContain('Joint press briefing');

    const without = summaryRoute(disputeId, { ...chosen.choices, privileged: false });
    const left = (
      await printing.pdf(without, chosen.choices, testInfo.outputPath('without.pdf'))
    ).text();
    expect(left).not.toContain('Walk-away number');
    expect(left).not.toContain('royalty of up to 1.2%');
    expect(left).toContain('Joint press briefing');
    expect(left).toContain('One privileged note is not included in this summary.');
  });

  test('prints a long documents index across pages, repeating its header and keeping rows whole', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    const printing = new Printing(page);
    await page.getByRole('button', { name: 'Start empty' }).click();
    await new DisputesList(page).create({
      title: 'Sixty Filings v. Index',
      ourRole: 'Plaintiff / claimant',
    });
    const disputeId = await printing.disputeId();
    const documents = Array.from({ length: 60 }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return {
        id: `doc-${n}`,
        disputeId,
        proceedingId: null,
        title: `Exhibit ${n} to the statement of claim`,
        kind: 'exhibit',
        filedOn: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
        docketEntry: '',
        filedBy: '',
        language: '',
        privilege: 'none',
        notes: '',
        createdAt: now,
        updatedAt: now,
        fileName: `exhibit-${n}.pdf`,
        mimeType: 'application/pdf',
        size: 1000 + i,
        sha256: `${n}${'abcdef0123456789'.repeat(4)}`.slice(0, 64),
        pageCount: i + 1,
        textStatus: 'extracted',
      };
    });
    await printing.insertRecords('documents', documents);

    const choices = {
      sections: ['documents' as const],
      privileged: false,
      paper: 'A4' as const,
      line: 'Confidential',
    };
    const pdf = await printing.pdf(
      summaryRoute(disputeId, choices),
      choices,
      testInfo.outputPath('index.pdf'),
    );
    await pdf.attachFirstPage(testInfo, 'documents-index-page-1');
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    const pages = pdf.pages();
    const header = /Title\s+Kind\s+Filed\s+Pages\s+SHA-256/;
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1} repeats the header row`).toMatch(header);
      expect(text).toContain('Confidential');
      expect(text).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
    });
    for (const doc of documents) {
      const on = pages.filter((text) => text.includes(doc.title));
      expect(on, `${doc.title} is printed once`).toHaveLength(1);
      // Its row is whole: the hash prefix is on the same page as the title.
      expect(on[0]).toContain(doc.sha256.slice(0, 12));
      expect(on[0]).not.toContain(doc.sha256.slice(0, 13));
    }
  });

  test('prints every open dispute on one line in the portfolio report, without app chrome', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    const printing = new Printing(page);
    await openSample(printing);
    await page.getByRole('button', { name: 'Casefile menu' }).click();
    await page.getByRole('menuitem', { name: 'Portfolio report' }).click();
    const report = page.getByRole('table', { name: 'Open disputes', exact: true });
    await expect(report).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    await expect(report).toContainText('Orion Mobile v. Nimbus Devices (fictional)');
    await expect(report).not.toContainText('Huawei v. Xiaomi');

    const route = new URL(page.url()).hash.slice(1);
    const parsed = parsePrintRoute(route);
    if (parsed.kind !== 'portfolio') throw new Error('not the portfolio route');
    const pdf = await printing.pdf(route, parsed.choices, testInfo.outputPath('portfolio.pdf'));
    await pdf.attachFirstPage(testInfo, 'portfolio-page-1');
    const text = pdf.text();
    expect(text).toMatch(/Dispute\s+Counterparties\s+Forums\s+Status\s+Next deadline/);
    // We defend Orion's action: Orion is the counterparty, and its next deadline is the reply.
    expect(text).toContain('Orion Mobile v.');
    expect(text).toContain('Orion Mobile AG');
    expect(text).toContain('Munich I Regional');
    // The next deadline (15 January 2027: Reply …) wraps in its column beside the patents in suit.
    expect(text).toMatch(/Active\s+15 January 2027:/);
    expect(text).toMatch(/15 January\s+Reply to the patentee’s response/);
    expect(text).toContain('Lumen Displays v.');
    expect(text).not.toContain('Huawei v. Xiaomi');
    expect(pdf.text(1)).toContain(`Page 1 of ${pdf.pageCount}`);
  });
  test('prints the portfolio as chosen: charts as vector SVG, overdue deadlines, totals', async ({
    app,
  }, testInfo) => {
    const page = app.page;
    const printing = new Printing(page);
    await openSample(printing);
    await new DisputesList(page).goto();
    await page.getByRole('button', { name: 'Portfolio report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Portfolio report' });
    await dialog.getByRole('radio', { name: 'All disputes' }).check();
    await dialog.getByRole('combobox', { name: 'Order the disputes by' }).click();
    await page.getByRole('option', { name: 'Next deadline' }).click();
    await dialog.getByRole('button', { name: 'Open the report' }).click();
    const report = page.getByRole('article', { name: 'Portfolio report' });
    await expect(report.getByRole('heading', { name: 'All disputes', level: 1 })).toBeVisible();
    await expect(report.getByRole('table', { name: 'All disputes' })).toContainText(
      'Huawei v. Xiaomi',
    );

    const route = new URL(page.url()).hash.slice(1);
    const parsed = parsePrintRoute(route);
    if (parsed.kind !== 'portfolio') throw new Error('not the portfolio route');
    expect(parsed.choices).toMatchObject({ statuses: 'all', sort: 'deadline' });
    const pdf = await printing.pdf(route, parsed.choices, testInfo.outputPath('portfolio.pdf'));
    await pdf.attachFirstPage(testInfo, 'portfolio-with-charts-page-1');
    const text = pdf.text();
    // The dashboard's charts, with their axis labels as text: drawn as vectors, not pictures.
    expect(text).toContain('Open disputes by status');
    expect(text).toContain('Open disputes by country');
    expect(text).toMatch(/Germany/);
    expect(text).toContain('Outcomes per year');
    expect(text).toContain('Date not given');
    const images = execFileSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' });
    expect(images.trim().split('\n')).toHaveLength(2);
    // The sample's statement of defence (6 November 2026) is past and not done.
    expect(text).toMatch(/Overdue\s+6\s+November\s+2026:\s+Statement\s+of\s+defence/);
    expect(text).toMatch(/6 November\s+Statement of defence \(fictional\)[^\n]*Overdue/);
    expect(text).toMatch(/Patents in suit/);
    expect(text).toContain('Totals');
    expect(text).toMatch(/Stayed\s+1/);
    expect(text).toContain('Cross-licence');
  });
});
