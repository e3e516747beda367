/**
 * E-mails filed as documents: what a parsed e-mail must look like to be filed, and how its
 * headers and body become the e-mail document's text (what search and the Documents filter
 * read). One place for these rules, whichever reader (.eml or Outlook .msg) parsed the e-mail.
 */
import type { EmailFacts } from './schemas';

export type EmailAttachment = {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Shown inside the body (an image referenced as cid:…): kept with the e-mail, not filed. */
  inline: boolean;
  contentId: string;
};

export type ParsedEmail = {
  facts: EmailFacts;
  text: string;
  html: string;
  attachments: EmailAttachment[];
};

export function isEmailFileName(fileName: string): boolean {
  return /\.(eml|msg)$/i.test(fileName);
}

/** An attachment that is itself an e-mail. */
export function isNestedEmail(attachment: { fileName: string; mimeType: string }): boolean {
  return (
    isEmailFileName(attachment.fileName) ||
    /^message\/(rfc822|global)$/i.test(attachment.mimeType) ||
    attachment.mimeType === 'application/vnd.ms-outlook'
  );
}

/** Why this e-mail cannot be filed, in the person's words, or null when it can. */
export function refusalOfEmail(
  fileName: string,
  email: ParsedEmail,
  maxAttachmentBytes: number,
  formatBytes: (bytes: number) => string,
): string | null {
  const { facts } = email;
  if (!facts.from && facts.to.length === 0 && !facts.subject && !facts.sentAt) {
    return `“${fileName}” does not look like an e-mail (no sender, recipients, subject or date), so nothing was attached. Save the message again from the mail program and attach that file.`;
  }
  const nested = email.attachments.find(isNestedEmail);
  if (nested) {
    return `“${fileName}” carries another e-mail (“${nested.fileName}”) as an attachment, so nothing was attached. Save that e-mail on its own from the mail program and attach the two separately.`;
  }
  const tooBig = email.attachments.find((a) => a.bytes.byteLength > maxAttachmentBytes);
  if (tooBig) {
    return `The attachment “${tooBig.fileName}” of “${fileName}” is ${formatBytes(tooBig.bytes.byteLength)}, over the ${formatBytes(maxAttachmentBytes)} limit, so nothing was attached.`;
  }
  return null;
}

/** The e-mail's date as a document date (YYYY-MM-DD), or '' when it has none. */
export function receivedOnOf(facts: EmailFacts): string {
  return facts.sentAt ? facts.sentAt.slice(0, 10) : '';
}

/** A sent-at value from whatever the reader found ('' when missing or not a date). */
export function sentAtFrom(value: string | undefined | null): EmailFacts['sentAt'] {
  if (!value) return '';
  const time = Date.parse(value);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** The e-mail as one page of text: its headers, then the body. */
export function emailText(facts: EmailFacts, body: string): string {
  const lines = [
    `From: ${facts.from}`,
    `To: ${facts.to.join(', ')}`,
    ...(facts.cc.length > 0 ? [`Cc: ${facts.cc.join(', ')}`] : []),
    ...(facts.sentAt ? [`Date: ${facts.sentAt}`] : []),
    `Subject: ${facts.subject}`,
  ];
  return `${lines.join('\n')}\n\n${body.trim()}`;
}

/** "Name <address>", or whichever of the two there is. */
export function formatMailbox(name: string | undefined, address: string | undefined): string {
  const n = (name ?? '').trim();
  const a = (address ?? '').trim();
  if (n && a && n !== a) return `${n} <${a}>`;
  return n || a;
}
