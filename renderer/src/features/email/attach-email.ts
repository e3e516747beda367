/**
 * Filing a dropped or chosen .eml / .msg: read it in the e-mail worker, check it (shared/domain/email.ts), hash the
 * e-mail and each attachment in the hashing worker, then store them all in one transaction
 * (db/repos/email-repo.ts). Inline images stay inside the e-mail's own bytes and are shown with
 * it; every other attachment becomes a document, extracted or OCR'd like any filing.
 */
import { emailText, refusalOfEmail, type EmailAttachment } from '../../../../shared/domain/email';
import type { CasefileDb } from '../../db/casefile-db';
import { attachEmail } from '../../db/repos/email-repo';
import { formatBytes } from '../../ui/format-bytes';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  kindFromFileName,
  mimeTypeOf,
  titleFromFileName,
} from '../documents/attach-rules';
import type { HashClient } from '../documents/hash-client';
import type { EmailReader } from './email-client';
import { EmailReadError } from './parse-email';

export type EmailDeps = {
  db: CasefileDb;
  hasher: HashClient;
  /** Parses the e-mail off the window's thread (email-client.ts). */
  reader: EmailReader;
  maxAttachmentBytes?: number;
};

/** Files the e-mail; answers what was filed, in words, or throws a message for the person. */
export async function fileEmail(
  { db, hasher, reader, maxAttachmentBytes = DEFAULT_MAX_ATTACHMENT_BYTES }: EmailDeps,
  disputeId: string,
  file: File,
): Promise<string> {
  let email;
  try {
    email = await reader.read(file, file.name);
  } catch (error) {
    if (!(error instanceof EmailReadError)) throw error;
    throw new Error(
      `“${file.name}” could not be read as an e-mail (${error.message}), so nothing was attached. Save the message again from the mail program and attach that file.`,
      { cause: error },
    );
  }
  const refusal = refusalOfEmail(file.name, email, maxAttachmentBytes, formatBytes);
  if (refusal) throw new Error(refusal);

  const filed = email.attachments.filter((a) => !a.inline && a.bytes.byteLength > 0);
  const emailMime = /\.msg$/i.test(file.name) ? 'application/vnd.ms-outlook' : 'message/rfc822';
  const attachments = [];
  for (const attachment of filed) {
    const blob = blobOf(attachment);
    attachments.push({
      input: {
        title: titleFromFileName(attachment.fileName),
        kind: kindFromFileName(attachment.fileName),
      },
      file: {
        blob,
        fileName: attachment.fileName,
        mimeType: blob.type,
        sha256: await hasher.hash(blob, () => {}),
      },
    });
  }
  await attachEmail(db, {
    disputeId,
    file: {
      blob: file,
      fileName: file.name,
      mimeType: emailMime,
      sha256: await hasher.hash(file, () => {}),
    },
    facts: email.facts,
    text: emailText(email.facts, email.text),
    attachments,
  });
  const count = attachments.length;
  return `“${file.name}” filed as an e-mail${count === 0 ? '' : ` with ${count} attachment${count === 1 ? '' : 's'}`}.`;
}

function blobOf(attachment: EmailAttachment): Blob {
  const type =
    attachment.mimeType === 'application/octet-stream'
      ? mimeTypeOf({ name: attachment.fileName, type: '' })
      : attachment.mimeType;
  return new Blob([attachment.bytes as Uint8Array<ArrayBuffer>], { type });
}
