/**
 * Filing an e-mail: the e-mail itself becomes a correspondence document (its bytes the original
 * .eml or .msg, its text the headers and body) and every attachment a document of its own, linked
 * to the e-mail and received on the e-mail's date. All of it is written in one transaction, so a
 * failure part-way (a quota error, the dispute deleted meanwhile) leaves nothing behind.
 */
import { receivedOnOf } from '../../../../shared/domain/email';
import type { CaseDocument, DocumentInput, EmailFacts } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../casefile-db';
import { attachDocument, type FileToAttach } from './document-repo';

export type EmailToFile = {
  disputeId: string;
  file: FileToAttach;
  facts: EmailFacts;
  /** The e-mail as text: headers, then the body. */
  text: string;
  attachments: { input: Omit<DocumentInput, 'disputeId'>; file: FileToAttach }[];
};

export async function attachEmail(
  db: CasefileDb,
  email: EmailToFile,
): Promise<{ email: CaseDocument; attachments: CaseDocument[] }> {
  const receivedOn = receivedOnOf(email.facts);
  return db.transaction(
    'rw',
    // Proceedings are only read: each document's audit entry names its proceeding.
    [db.documents, db.files, db.documentTexts, db.audit, db.disputes, db.proceedings],
    async () => {
      const stored = await attachDocument(
        db,
        {
          disputeId: email.disputeId,
          title: email.facts.subject || email.file.fileName,
          kind: 'correspondence',
          filedOn: receivedOn,
        },
        email.file,
        { email: email.facts, receivedOn, textStatus: 'extracted' },
      );
      await db.documentTexts.put({ sha256: stored.sha256, pages: [email.text] });
      const attachments: CaseDocument[] = [];
      for (const attachment of email.attachments) {
        attachments.push(
          await attachDocument(
            db,
            { ...attachment.input, disputeId: email.disputeId },
            attachment.file,
            { emailId: stored.id, receivedOn },
          ),
        );
      }
      return { email: stored, attachments };
    },
  );
}

/** The documents that came as attachments of an e-mail document, in the order filed. */
export async function emailAttachments(
  db: CasefileDb,
  email: CaseDocument,
): Promise<CaseDocument[]> {
  const attached = await db.documents.where('emailId').equals(email.id).toArray();
  return attached.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
