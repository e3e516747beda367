/**
 * An e-mail shown as an e-mail: its headers, its body (HTML made inert by email-html.ts and shown
 * in a sandboxed frame without scripts, or plain text), and the attachments filed with it, each
 * openable. Parsed again from the stored bytes, so what shows is exactly what arrived.
 */
import { Alert, Anchor, List, Loader, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ParsedEmail } from '../../../../shared/domain/email';
import type { CaseDocument } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { emailAttachments } from '../../db/repos/email-repo';
import { Facts } from '../../ui/Facts';
import { emailFrameDocument, sanitiseEmailHtml } from './email-html';
import { emailReader } from './email-client';

function dataUrl(mimeType: string, bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return `data:${mimeType};base64,${btoa(binary)}`;
}

export function EmailPreview({
  document,
  blob,
  onOpen,
}: {
  document: CaseDocument;
  blob: Blob;
  onOpen?: (documentId: string) => void;
}) {
  const [parsed, setParsed] = useState<ParsedEmail | 'error' | null>(null);
  const attachments = useLiveQuery(() => emailAttachments(db, document), [document]);
  useEffect(() => {
    let cancelled = false;
    emailReader()
      .read(blob, document.fileName)
      .then(
        (email) => !cancelled && setParsed(email),
        () => !cancelled && setParsed('error'),
      );
    return () => {
      cancelled = true;
    };
  }, [blob, document.fileName]);

  const facts = document.email;
  if (!facts) return null;
  if (parsed === null) return <Loader aria-label="Loading the e-mail" />;

  const inline = parsed === 'error' ? [] : parsed.attachments.filter((a) => a.inline);
  const body =
    parsed !== 'error' && parsed.html
      ? sanitiseEmailHtml(
          parsed.html,
          new Map(inline.map((a) => [a.contentId, dataUrl(a.mimeType, a.bytes)])),
        )
      : null;

  return (
    <Stack>
      <Facts
        facts={[
          { label: 'From', value: facts.from },
          { label: 'To', value: facts.to.join(', ') },
          { label: 'Cc', value: facts.cc.join(', ') },
          { label: 'Date', value: facts.sentAt ? new Date(facts.sentAt).toLocaleString() : '' },
          { label: 'Subject', value: facts.subject },
        ]}
      />
      {parsed === 'error' ? (
        <Alert color="orange" title="The e-mail could not be read again">
          Its headers and text are kept; use “Open with system app” to read it in the mail program.
        </Alert>
      ) : body ? (
        <>
          {body.blockedImages > 0 && (
            <Text size="sm" c="dimmed">
              {body.blockedImages} remote image{body.blockedImages === 1 ? ' was' : 's were'} not
              loaded, so the sender cannot tell the e-mail was opened.
            </Text>
          )}
          <iframe
            title={`Body of the e-mail ${document.title}`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={emailFrameDocument(body.html)}
            style={{
              width: '100%',
              minHeight: '50vh',
              border: '1px solid var(--mantine-color-gray-4)',
            }}
          />
        </>
      ) : (
        <Text
          component="pre"
          className="cf-prewrap"
          aria-label={`Body of the e-mail ${document.title}`}
        >
          {parsed.text}
        </Text>
      )}
      {inline.length > 0 && (
        <Text size="sm" c="dimmed">
          {inline.length} inline image{inline.length === 1 ? '' : 's'} shown in the body, kept with
          the e-mail.
        </Text>
      )}
      <section aria-label="Attachments">
        <Text fw={600}>Attachments</Text>
        {attachments === undefined ? null : attachments.length === 0 ? (
          <Text size="sm">None filed.</Text>
        ) : (
          <List>
            {attachments.map((attachment) => (
              <List.Item key={attachment.id}>
                <Anchor component="button" onClick={() => onOpen?.(attachment.id)}>
                  {attachment.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({attachment.fileName})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
