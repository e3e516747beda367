// Node, not jsdom: msgreader checks `instanceof ArrayBuffer`, which jsdom's globals break.
import { describe, expect, it } from 'vitest';
import { emailText } from '../../../../shared/domain/email';
import { msgOf } from '../../../../test/fixtures/emails';
import { parseMsg } from './parse-email';

const letter = {
  from: 'Li Wei <li.wei@example.cn>',
  to: ['Counsel <counsel@example.com>'],
  cc: ['Ann Lee <ann@example.com>'],
  subject: 'Defence filed today',
  date: new Date('2024-05-06T07:08:09Z'),
  text: 'Please find the defence attached.',
  attachments: [{ name: 'Defence.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF') }],
};

const arrayBufferOf = (bytes: Buffer) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('reading Outlook messages', () => {
  it('reads an Outlook .msg the same way', () => {
    const email = parseMsg(arrayBufferOf(msgOf(letter)));
    expect(email.facts.from).toBe('Li Wei <li.wei@example.cn>');
    expect(email.facts.to).toEqual(['Counsel <counsel@example.com>']);
    expect(email.facts.cc).toEqual(['Ann Lee <ann@example.com>']);
    expect(email.facts.sentAt).toBe('2024-05-06T07:08:09.000Z');
    expect(email.text).toBe('Please find the defence attached.');
    expect(email.attachments.map((a) => a.fileName)).toEqual(['Defence.pdf']);
    expect(emailText(email.facts, email.text)).toContain('Subject: Defence filed today');
  });

  it('says a file that is not an Outlook message cannot be read', () => {
    expect(() => parseMsg(arrayBufferOf(Buffer.from('not a compound file')))).toThrow(
      'not an Outlook message',
    );
  });
});
