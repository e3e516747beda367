// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refusalOfEmail } from '../../../../shared/domain/email';
import { openTestDbWithDispute, snapshot } from '../../db/testing/test-db';
import { emailAttachments } from '../../db/repos/email-repo';
import { formatBytes } from '../../ui/format-bytes';
import { emlOf, type FixtureEmail } from '../../../../test/fixtures/emails';
import type { HashClient } from '../documents/hash-client';
import { fileEmail } from './attach-email';
import type { EmailReader } from './email-client';
import { htmlToText, sanitiseEmailHtml } from './email-html';
import { parseEmailFile, parseEml } from './parse-email';

const pdf = Buffer.from('%PDF-1.4 a filing');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

const letter: FixtureEmail = {
  from: 'Li Wei <li.wei@example.cn>',
  to: ['Counsel <counsel@example.com>'],
  cc: ['Ann Lee <ann@example.com>'],
  subject: 'Defence filed today',
  date: new Date('2024-05-06T07:08:09Z'),
  text: 'Please find the defence attached.',
  html: '<p>Please find the <b>defence</b> attached.</p><img src="cid:logo1">',
  attachments: [
    { name: 'Defence.pdf', mimeType: 'application/pdf', bytes: pdf },
    { name: 'logo.png', mimeType: 'image/png', bytes: png, contentId: 'logo1' },
  ],
};

const arrayBufferOf = (bytes: Buffer) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const hasher: HashClient = {
  hash: async (blob) =>
    createHash('sha256')
      .update(new Uint8Array(await blob.arrayBuffer()))
      .digest('hex'),
} as HashClient;

/** Parses on this thread: the worker's own path is tested in email-client.test.ts. */
const reader: EmailReader = { read: parseEmailFile };

describe('e-mails as filings', () => {
  it('reads an .eml: headers, body, a filed attachment and an inline image', async () => {
    const email = await parseEml(arrayBufferOf(emlOf(letter)));
    expect(email.facts).toEqual({
      from: 'Li Wei <li.wei@example.cn>',
      to: ['Counsel <counsel@example.com>'],
      cc: ['Ann Lee <ann@example.com>'],
      sentAt: '2024-05-06T07:08:09.000Z',
      subject: 'Defence filed today',
    });
    expect(email.text).toBe('Please find the defence attached.');
    expect(email.attachments.map((a) => [a.fileName, a.inline])).toEqual([
      ['Defence.pdf', false],
      ['logo.png', true],
    ]);
    expect(Buffer.from(email.attachments[0]!.bytes)).toEqual(pdf);
  });

  it('refuses a nested e-mail, an oversized attachment and what is not an e-mail', async () => {
    const nested = await parseEml(
      arrayBufferOf(
        emlOf({
          ...letter,
          attachments: [{ name: 'fwd.eml', mimeType: 'message/rfc822', bytes: emlOf(letter) }],
        }),
      ),
    );
    expect(refusalOfEmail('a.eml', nested, 1e9, formatBytes)).toMatch(/carries another e-mail/);
    const big = await parseEml(arrayBufferOf(emlOf(letter)));
    expect(refusalOfEmail('a.eml', big, 10, formatBytes)).toMatch(
      /“Defence.pdf” of “a.eml” is .* over the .* limit/,
    );
    const junk = await parseEml(arrayBufferOf(Buffer.from('\x00\x01 not mail at all')));
    expect(refusalOfEmail('junk.eml', junk, 1e9, formatBytes)).toMatch(
      /does not look like an e-mail/,
    );
  });

  it('makes HTML inert: no script, no handlers, no remote images; inline images kept', () => {
    const { html, blockedImages } = sanitiseEmailHtml(
      '<p onclick="steal()">Hi</p><script>steal()</script><img src="https://tracker.example/p.gif">' +
        '<img src="cid:logo1"><iframe src="https://evil.example"></iframe>' +
        '<div style="background:url(https://tracker.example/bg)">x</div><a href="https://example.com" target="_blank">link</a>',
      new Map([['logo1', 'data:image/png;base64,AAAA']]),
    );
    expect(html).not.toMatch(/script|onclick|iframe|tracker|evil|style|target/);
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(blockedImages).toBe(1);
  });

  it('takes the text of an HTML-only body without running or loading anything', () => {
    expect(
      htmlToText(
        '<head><title>t</title></head><p>Defence <b>attached</b>.</p><script>x()</script>',
      ),
    ).toBe('Defence attached.');
  });

  it('files the e-mail and its attachment together, dated by the e-mail', async () => {
    const { db, disputeId } = await openTestDbWithDispute();
    const file = new File([arrayBufferOf(emlOf(letter))], 'defence.eml', {
      type: 'message/rfc822',
    });
    expect(await fileEmail({ db, hasher, reader }, disputeId, file)).toBe(
      '“defence.eml” filed as an e-mail with 1 attachment.',
    );
    const documents = await db.documents.toArray();
    const email = documents.find((d) => d.email)!;
    expect(email).toMatchObject({ kind: 'correspondence', title: 'Defence filed today' });
    expect(email.filedOn).toBe('2024-05-06');
    const [attachment] = await emailAttachments(db, email);
    expect(attachment).toMatchObject({
      title: 'Defence',
      emailId: email.id,
      receivedOn: '2024-05-06',
      textStatus: 'pending',
    });
    expect((await db.documentTexts.get(email.sha256))?.pages[0]).toContain(
      'Please find the defence attached.',
    );
    expect(documents).toHaveLength(2);
  });

  it('stores nothing when the e-mail is refused or the dispute is gone', async () => {
    const { db, disputeId } = await openTestDbWithDispute();
    const before = await snapshot(db);
    const file = new File([arrayBufferOf(emlOf(letter))], 'defence.eml');
    await expect(
      fileEmail({ db, hasher, reader, maxAttachmentBytes: 5 }, disputeId, file),
    ).rejects.toThrow(/over the .* limit, so nothing was attached/);
    await expect(fileEmail({ db, hasher, reader }, 'no-such-dispute', file)).rejects.toThrow(
      /no longer exists/,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
