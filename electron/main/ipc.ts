/**
 * Registers one `ipcMain.handle` per channel of the contract in shared/ipc.ts. Nothing from the
 * renderer is trusted: the sender must be one of Casefile's own pages, the argument is parsed with
 * the channel's zod schema before any handler sees it, and every answer is an `IpcResult`. What a
 * person reads in an error is either a `UserFacingError`'s message, written for them, or a plain
 * sentence pointing at the log; stack traces stay in the log.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  ipcChannels,
  ipcContract,
  type ChannelParsedArgs,
  type ChannelResult,
  type IpcChannel,
  type IpcResult,
} from '../../shared/ipc';

/** An error whose message is written for the person using Casefile and is shown as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

export type IpcHandlers = {
  [C in IpcChannel]: (args: ChannelParsedArgs<C>) => Promise<ChannelResult<C>>;
};

export type IpcOptions = {
  /** Whether a message from a frame at this URL may be answered. */
  isTrustedSender: (url: string) => boolean;
};

/** How each request is named when it fails for a reason that is not the person's to fix. */
const ACTIONS: Record<IpcChannel, string> = {
  'app:get-info': 'read its own version',
  'links:open-external': 'open the link',
  'files:save-file': 'save the file',
  'files:begin-save': 'start saving the file',
  'files:append-save': 'write the file',
  'files:commit-save': 'finish saving the file',
  'files:abort-save': 'cancel saving the file',
  'data:reveal-folder': 'show the data folder',
  'documents:begin-copy': 'start copying the document',
  'documents:append-copy': 'copy the document',
  'documents:open-copy': 'open the document',
  'documents:abort-copy': 'cancel opening the document',
  'print:save-pdf': 'save the PDF',
  'print:print': 'print',
  'backups:begin': 'start the backup',
  'backups:append': 'write the backup',
  'backups:commit': 'finish the backup',
  'backups:abort': 'cancel the backup',
  'backups:list': 'list the backups',
  'backups:read': 'read the backup',
  'app:quit-ready': 'quit',
  'passphrase:get-storage': 'check the system’s secure storage',
  'passphrase:remember': 'remember the passphrase',
  'passphrase:recall': 'read the remembered passphrase',
  'passphrase:forget': 'forget the passphrase',
  'app:quit-preparing': 'prepare to quit',
  'files:take-opened-bundle': 'open the bundle',
  'files:read-opened-bundle': 'read the bundle',
};

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  { isTrustedSender }: IpcOptions,
) {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, raw: unknown) =>
      answer(channel, handlers[channel], event, raw, isTrustedSender),
    );
  }
}

async function answer<C extends IpcChannel>(
  channel: C,
  handler: IpcHandlers[C],
  event: IpcMainInvokeEvent,
  raw: unknown,
  isTrustedSender: (url: string) => boolean,
): Promise<IpcResult<ChannelResult<C>>> {
  const senderUrl = event.senderFrame?.url;
  if (senderUrl === undefined || !isTrustedSender(senderUrl)) {
    console.warn(`Casefile refused ${channel} from ${senderUrl ?? 'a closed frame'}`);
    return {
      ok: false,
      error: { code: 'not-allowed', message: 'Only Casefile’s own pages may ask for that.' },
    };
  }

  // TypeScript cannot narrow a generic index into the contract; the schema is the channel's own.
  const schema = ipcContract[channel].args as unknown as z.ZodType<ChannelParsedArgs<C>>;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: `Casefile could not ${ACTIONS[channel]}. ${describeIssues(parsed.error.issues)}`,
      },
    };
  }

  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserFacingError) {
      return { ok: false, error: { code: 'failed', message: error.message } };
    }
    console.error(`Casefile could not handle ${channel}`, error);
    return {
      ok: false,
      error: {
        code: 'failed',
        message: `Casefile could not ${ACTIONS[channel]} (details in the log).`,
      },
    };
  }
}

/** "suggestedName: The file needs a name." — each field named as the contract names it. */
function describeIssues(issues: readonly z.core.$ZodIssue[]) {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field === '' ? issue.message : `${field}: ${issue.message}`;
    })
    .join(' ');
}
