// Node, not jsdom: the in-process worker clones through Node's MessageChannel, which takes Node's
// Blobs (and msgreader checks `instanceof ArrayBuffer`, which jsdom's globals break).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emlOf, msgOf, type FixtureEmail } from '../../../../test/fixtures/emails';
import { openTestDbWithDispute, snapshot } from '../../db/testing/test-db';
import { inProcessWorker } from '../../workers/testing/in-process-worker';
import type { HashClient } from '../documents/hash-client';
import { fileEmail } from './attach-email';
import { createEmailReader } from './email-client';
import { EmailReadError, readEmailRequest } from './parse-email';

const pdf = Buffer.from('%PDF-1.4 the defence');

const letter: FixtureEmail = {
  from: 'Li Wei <li.wei@example.cn>',
  to: ['Counsel <counsel@example.com>'],
  cc: [],
  subject: 'Defence filed today',
  date: new Date('2024-05-06T07:08:09Z'),
  text: 'Please find the defence attached.',
  attachments: [{ name: 'Defence.pdf', mimeType: 'application/pdf', bytes: pdf }],
};

const hasher: HashClient = {
  hash: async (blob) =>
    createHash('sha256')
      .update(new Uint8Array(await blob.arrayBuffer()))
      .digest('hex'),
} as HashClient;

function workerReader() {
  const worker = inProcessWorker(readEmailRequest);
  return { worker, reader: createEmailReader(() => worker) };
}

describe('reading e-mails in the e-mail worker', () => {
  it('reads an .eml and a .msg in the worker, attachments byte for byte', async () => {
    const { reader } = workerReader();
    for (const [name, bytes] of [
      ['defence.eml', emlOf(letter)],
      ['defence.msg', msgOf(letter)],
    ] as const) {
      const email = await reader.read(new Blob([new Uint8Array(bytes)]), name);
      expect(email.facts).toMatchObject({
        from: 'Li Wei <li.wei@example.cn>',
        subject: 'Defence filed today',
        sentAt: '2024-05-06T07:08:09.000Z',
      });
      expect(email.text).toBe('Please find the defence attached.');
      expect(email.attachments.map((a) => a.fileName)).toEqual(['Defence.pdf']);
      expect(Buffer.from(email.attachments[0]!.bytes)).toEqual(pdf);
    }
  });

  it('files through the worker, and refuses what it refused on the window’s thread', async () => {
    const { db, disputeId } = await openTestDbWithDispute();
    const { reader } = workerReader();
    const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);
    expect(await fileEmail({ db, hasher, reader }, disputeId, file(emlOf(letter), 'a.eml'))).toBe(
      '“a.eml” filed as an e-mail with 1 attachment.',
    );
    const before = await snapshot(db);
    const nested = emlOf({
      ...letter,
      attachments: [{ name: 'fwd.eml', mimeType: 'message/rfc822', bytes: emlOf(letter) }],
    });
    await expect(
      fileEmail({ db, hasher, reader }, disputeId, file(nested, 'nested.eml')),
    ).rejects.toThrow(/carries another e-mail \(“fwd.eml”\)/);
    await expect(
      fileEmail(
        { db, hasher, reader, maxAttachmentBytes: 5 },
        disputeId,
        file(emlOf(letter), 'big.eml'),
      ),
    ).rejects.toThrow(/“Defence.pdf” of “big.eml” is .* over the .* limit/);
    await expect(
      fileEmail({ db, hasher, reader }, disputeId, file(Buffer.from('\x00\x01 junk'), 'j.eml')),
    ).rejects.toThrow(/does not look like an e-mail/);
    await expect(
      fileEmail({ db, hasher, reader }, disputeId, file(Buffer.from('not a msg'), 'm.msg')),
    ).rejects.toThrow(/“m.msg” could not be read as an e-mail \(not an Outlook message\)/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('says so when the worker dies on an e-mail, and reads the next one in a fresh worker', async () => {
    let started = 0;
    const workers = [
      inProcessWorker(() => new Promise<never>(() => {})),
      inProcessWorker(readEmailRequest),
    ];
    const reader = createEmailReader(() => workers[started++]!);
    const reading = reader.read(new Blob([new Uint8Array(emlOf(letter))]), 'a.eml');
    await Promise.resolve();
    workers[0]!.crash();
    await expect(reading).rejects.toThrow(EmailReadError);
    await expect(reading).rejects.toThrow('The e-mail reader stopped unexpectedly. Try again.');
    expect(
      (await reader.read(new Blob([new Uint8Array(emlOf(letter))]), 'a.eml')).facts.subject,
    ).toBe('Defence filed today');
  });
});
