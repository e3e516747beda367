/**
 * Reads an e-mail file into the shape shared/domain/email.ts files: .eml (MIME) with postal-mime,
 * Outlook .msg with msgreader. Neither runs anything in the e-mail; the HTML body is kept as text,
 * to be sanitised when shown. A file neither can read throws a message for the person. This runs
 * in the e-mail worker (email.worker.ts, reached through email-client.ts), so a large or hostile
 * e-mail never holds up the window; a worker has no DOM, so an e-mail with only an HTML body
 * comes back with `text` empty and the page takes the text from the HTML (email-client.ts).
 */
import MsgReaderModule from '@kenjiuno/msgreader';
import type { RequestContext } from '../../workers/worker-serve';
import PostalMime, { type Address } from 'postal-mime';
import {
  formatMailbox,
  sentAtFrom,
  type EmailAttachment,
  type ParsedEmail,
} from '../../../../shared/domain/email';

// A CommonJS module with `exports.default`: bundlers hand over the class, Node its exports object.
const MsgReader =
  (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;
type MsgReader = InstanceType<typeof MsgReader>;

export class EmailReadError extends Error {
  override name = 'EmailReadError';
}

function mailboxes(addresses: Address[] | Address | undefined): string[] {
  const list = addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses];
  return list.flatMap((address) =>
    address.group
      ? address.group.map((member) => formatMailbox(member.name, member.address))
      : [formatMailbox(address.name, address.address)],
  );
}

function bytesOf(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export async function parseEml(bytes: ArrayBuffer): Promise<ParsedEmail> {
  const email = await PostalMime.parse(bytes, { rfc822Attachments: true });
  const html = email.html ?? '';
  const attachments: EmailAttachment[] = email.attachments.map((attachment, index) => {
    const contentId = (attachment.contentId ?? '').replace(/^<|>$/g, '');
    const inline =
      contentId !== '' &&
      attachment.mimeType.startsWith('image/') &&
      (attachment.disposition === 'inline' || html.includes(`cid:${contentId}`));
    return {
      fileName: attachment.filename || `attachment-${index + 1}`,
      mimeType: attachment.mimeType || 'application/octet-stream',
      bytes: bytesOf(attachment.content),
      inline,
      contentId,
    };
  });
  return {
    facts: {
      from: mailboxes(email.from)[0] ?? '',
      to: mailboxes(email.to),
      cc: mailboxes(email.cc),
      sentAt: sentAtFrom(email.date),
      subject: (email.subject ?? '').trim(),
    },
    text: email.text?.trim() ?? '',
    html,
    attachments,
  };
}

export function parseMsg(bytes: ArrayBuffer): ParsedEmail {
  let reader: MsgReader;
  let data: ReturnType<MsgReader['getFileData']>;
  try {
    reader = new MsgReader(bytes);
    data = reader.getFileData();
  } catch {
    throw new EmailReadError('not an Outlook message');
  }
  if (data.error) throw new EmailReadError('not an Outlook message');
  const recipients = data.recipients ?? [];
  const addressOf = (r: (typeof recipients)[number]) =>
    formatMailbox(r.name, r.smtpAddress || r.email);
  const html = data.bodyHtml ?? (data.html ? new TextDecoder().decode(data.html) : '');
  const attachments: EmailAttachment[] = (data.attachments ?? []).map((attachment, index) => {
    if (attachment.innerMsgContent) {
      return {
        fileName: attachment.name || `message-${index + 1}.msg`,
        mimeType: 'application/vnd.ms-outlook',
        bytes: new Uint8Array(0),
        inline: false,
        contentId: '',
      };
    }
    const file = reader.getAttachment(attachment);
    const contentId = attachment.pidContentId ?? '';
    return {
      fileName: file.fileName || attachment.fileName || `attachment-${index + 1}`,
      mimeType: attachment.attachMimeTag || 'application/octet-stream',
      bytes: file.content,
      inline: contentId !== '' && html.includes(`cid:${contentId}`),
      contentId,
    };
  });
  return {
    facts: {
      from: formatMailbox(data.senderName, data.senderSmtpAddress || data.senderEmail),
      to: recipients.filter((r) => r.recipType !== 'cc' && r.recipType !== 'bcc').map(addressOf),
      cc: recipients.filter((r) => r.recipType === 'cc').map(addressOf),
      sentAt: sentAtFrom(data.clientSubmitTime ?? data.messageDeliveryTime),
      subject: (data.subject ?? '').trim(),
    },
    text: data.body?.trim() ?? '',
    html,
    attachments,
  };
}

/** Parses an .eml or .msg file; throws EmailReadError with the reason when it cannot. */
export async function parseEmailFile(file: Blob, fileName: string): Promise<ParsedEmail> {
  const bytes = await file.arrayBuffer();
  if (/\.msg$/i.test(fileName)) return parseMsg(bytes);
  try {
    return await parseEml(bytes);
  } catch (error) {
    throw new EmailReadError(error instanceof Error ? error.message : String(error));
  }
}

/** What the page asks of the e-mail worker. */
export type EmailRequest = { file: Blob; fileName: string };

/** The worker's side: parses, and hands the attachments' bytes back without copying them. */
export async function readEmailRequest(
  { file, fileName }: EmailRequest,
  { transfer }: Pick<RequestContext<never>, 'transfer'>,
): Promise<ParsedEmail> {
  const email = await parseEmailFile(file, fileName);
  transfer([...new Set(email.attachments.map((a) => a.bytes.buffer as ArrayBuffer))]);
  return email;
}
