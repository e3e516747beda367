/**
 * The page's side of the e-mail worker, through the one typed worker client: `read(file, name)`
 * answers the parsed e-mail, or throws EmailReadError with the reason (a file that is not an
 * e-mail, a worker that died on it or took longer than two minutes). The body's text is taken
 * from the HTML here when the e-mail has no plain-text part, since only the page has a DOM to do
 * that without running anything.
 */
import type { ParsedEmail } from '../../../../shared/domain/email';
import {
  createWorkerClient,
  WorkerClientError,
  type WorkerLike,
} from '../../workers/worker-client';
import { htmlToText } from './email-html';
import { EmailReadError, type EmailRequest } from './parse-email';

export type EmailReader = { read(file: Blob, fileName: string): Promise<ParsedEmail> };

export function createEmailReader(start: () => WorkerLike): EmailReader {
  const client = createWorkerClient<EmailRequest, ParsedEmail>({
    start,
    label: 'the e-mail reader',
    timeoutMs: 2 * 60 * 1000,
  });
  return {
    async read(file, fileName) {
      let email: ParsedEmail;
      try {
        email = await client.request({ file, fileName });
      } catch (error) {
        if (error instanceof WorkerClientError) {
          throw new EmailReadError(error.message, { cause: error });
        }
        throw error;
      }
      if (!email.text && email.html) return { ...email, text: htmlToText(email.html) };
      return email;
    },
  };
}

let shared: EmailReader | null = null;

/** The app's one e-mail reader, its worker started on first use. */
export function emailReader(): EmailReader {
  shared ??= createEmailReader(
    () =>
      new Worker(new URL('./email.worker.ts', import.meta.url), {
        type: 'module',
        name: 'casefile-email',
      }),
  );
  return shared;
}
