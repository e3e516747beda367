/**
 * The one contract between the renderer and the main process. Each channel (`domain:verb-noun`)
 * names the host-API method the preload exposes for it, the zod schema its single argument must
 * pass in the main process, and the type of value it answers with. Main registers its handlers
 * from this map and the preload builds `window.casefile` from it, so the two cannot drift apart.
 */
import { z } from 'zod';
import {
  abortBackupArgsSchema,
  appendBackupArgsSchema,
  beginBackupArgsSchema,
  commitBackupArgsSchema,
  readBackupArgsSchema,
  type BackupSummary,
  type BackupTicket,
  type BackupWritten,
} from './backups';
import { pageChoicesSchema, printRouteSchema } from './print-options';

export type HostErrorCode = 'invalid-argument' | 'not-allowed' | 'failed';
export type HostError = { code: HostErrorCode; message: string };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

type Channel<M extends string, A extends z.ZodType, R> = {
  method: M;
  args: A;
  /** Phantom: only its type is used. */
  result: R;
};

function channel<R>() {
  return <const M extends string, A extends z.ZodType>(method: M, args: A): Channel<M, A, R> => ({
    method,
    args,
    result: undefined as R,
  });
}

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  desktop: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'The file needs a name.')
  .max(255, 'The file name is too long.')
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', {
    message: 'A file name cannot contain slashes.',
  });

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1),
});

export const saveFileArgsSchema = z.object({
  suggestedName: fileNameSchema,
  bytes: z.instanceof(Uint8Array),
  filters: z.array(fileFilterSchema).max(10).default([]),
});
export type SaveFileResult = { saved: false } | { saved: true; path: string };

/**
 * A save too large to cross in one message (a case bundle, a stored document's copy) is streamed:
 * `begin` asks the person where to save and opens a temporary file beside it, `append` adds pieces
 * of at most SAVE_APPEND_MAX_BYTES, `commit` puts the whole file in place, `abort` removes it.
 */
export const SAVE_APPEND_MAX_BYTES = 8 * 1024 * 1024;
const saveTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'Not a file being written.');
export const beginSaveArgsSchema = saveFileArgsSchema.omit({ bytes: true });
export const appendSaveArgsSchema = z.object({
  token: saveTokenSchema,
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= SAVE_APPEND_MAX_BYTES, 'Too many bytes at once.'),
});
export const endSaveArgsSchema = z.object({ token: saveTokenSchema });
export type SaveTicket = { started: false } | { started: true; token: string; path: string };

/**
 * A `.casefile` bundle the person opened with Casefile (double-click, or as an argument). The
 * main process keeps the path; the renderer only ever gets a token for it and reads its bytes in
 * pieces, so no path from the renderer is ever opened.
 */
export type OpenedBundleFile = { token: string; name: string; size: number };
export const READ_OPENED_MAX_BYTES = 8 * 1024 * 1024;
export const readOpenedBundleArgsSchema = z
  .object({
    token: saveTokenSchema,
    offset: z.number().int().min(0),
    length: z.number().int().min(1).max(READ_OPENED_MAX_BYTES),
  })
  .strict();

export const openExternalArgsSchema = z.object({ url: z.string().max(4096) });

/** A print route (`/print/…`) and the page choices its PDF or print job uses. */
export const printArgsSchema = z.object({ route: printRouteSchema, page: pageChoicesSchema });
export const savePdfArgsSchema = printArgsSchema.extend({ suggestedName: fileNameSchema });
export type PrintResult = { printed: boolean };

/**
 * A stored document opened in the system's own viewer from a temporary copy, streamed like a save:
 * `begin` names the copy, pieces follow, `open` completes the copy and opens it.
 */
export const beginDocumentCopyArgsSchema = z.object({ fileName: fileNameSchema });
export type DocumentCopyTicket = { token: string };

/**
 * The passphrase of encrypted backups, remembered on the desktop through Electron's asynchronous
 * safeStorage (the operating system's keychain), so automatic backups can run encrypted.
 * `available: false` comes with the reason, in the person's words (e.g. Linux without a keyring,
 * where safeStorage would only obscure it as `basic_text`).
 */
export type PassphraseStorage = { available: boolean; reason: string | null; remembered: boolean };
export const rememberPassphraseArgsSchema = z
  .object({ passphrase: z.string().min(1).max(1024) })
  .strict();

export const ipcContract = {
  'app:get-info': channel<AppInfo>()('getAppInfo', z.object({})),
  'links:open-external': channel<void>()('openExternal', openExternalArgsSchema),
  'files:save-file': channel<SaveFileResult>()('saveFile', saveFileArgsSchema),
  'files:begin-save': channel<SaveTicket>()('beginSave', beginSaveArgsSchema),
  'files:append-save': channel<void>()('appendSave', appendSaveArgsSchema),
  'files:commit-save': channel<SaveFileResult>()('commitSave', endSaveArgsSchema),
  'files:abort-save': channel<void>()('abortSave', endSaveArgsSchema),
  'data:reveal-folder': channel<void>()('revealDataFolder', z.object({})),
  'documents:begin-copy': channel<DocumentCopyTicket>()(
    'beginDocumentCopy',
    beginDocumentCopyArgsSchema,
  ),
  'documents:append-copy': channel<void>()('appendDocumentCopy', appendSaveArgsSchema),
  'documents:open-copy': channel<void>()('openDocumentCopy', endSaveArgsSchema),
  'documents:abort-copy': channel<void>()('abortDocumentCopy', endSaveArgsSchema),
  'print:save-pdf': channel<SaveFileResult>()('savePdf', savePdfArgsSchema),
  'print:print': channel<PrintResult>()('printRoute', printArgsSchema),
  'backups:begin': channel<BackupTicket>()('beginBackup', beginBackupArgsSchema),
  'backups:append': channel<void>()('appendBackup', appendBackupArgsSchema),
  'backups:commit': channel<BackupWritten>()('commitBackup', commitBackupArgsSchema),
  'backups:abort': channel<void>()('abortBackup', abortBackupArgsSchema),
  'backups:list': channel<BackupSummary[]>()('listBackups', z.object({})),
  'backups:read': channel<Uint8Array>()('readBackup', readBackupArgsSchema),
  'app:quit-ready': channel<void>()('quitReady', z.object({})),
  'passphrase:get-storage': channel<PassphraseStorage>()(
    'getPassphraseStorage',
    z.object({}).strict(),
  ),
  'passphrase:remember': channel<void>()('rememberPassphrase', rememberPassphraseArgsSchema),
  'passphrase:recall': channel<string | null>()('recallPassphrase', z.object({}).strict()),
  'passphrase:forget': channel<void>()('forgetPassphrase', z.object({}).strict()),
  'files:take-opened-bundle': channel<OpenedBundleFile | null>()(
    'takeOpenedBundle',
    z.object({}).strict(),
  ),
  'files:read-opened-bundle': channel<Uint8Array>()('readOpenedBundle', readOpenedBundleArgsSchema),
  // The renderer received 'prepare-to-quit' and says whether a backup will follow.
  'app:quit-preparing': channel<void>()(
    'quitPreparing',
    z.object({ backingUp: z.boolean() }).strict(),
  ),
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type ChannelArgs<C extends IpcChannel> = z.input<IpcContract[C]['args']>;
export type ChannelParsedArgs<C extends IpcChannel> = z.output<IpcContract[C]['args']>;
export type ChannelResult<C extends IpcChannel> = IpcContract[C]['result'];

/** Commands the application menu sends to the renderer. */
export const menuCommands = [
  'new-dispute',
  'load-sample',
  'show-disputes',
  'find',
  'import-bundle',
  'back-up-now',
  'restore-backup',
  // A .casefile bundle was opened with Casefile: the renderer takes it (takeOpenedBundle) and
  // shows the import dialog for it.
  'open-bundle-file',
  // Sent by the main process on quit: the renderer answers quitPreparing at once, backs up if
  // asked to, then answers quitReady.
  'prepare-to-quit',
] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const MENU_COMMAND_CHANNEL = 'menu:command';

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];
