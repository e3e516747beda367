/**
 * What the page asks of the sealing worker, which derives the key (Argon2id, 64 MiB, about a
 * second) and seals every entry (AES-256-GCM) off the window's thread. A session is one archive
 * being sealed; the page sends its entries' bytes in batches of operations and gets back the
 * encrypted zip's bytes those operations produced.
 */
import type { KdfParams } from '../../../shared/archive/encryption';

export type SealOp =
  | { op: 'entry'; name: string; deflate: boolean }
  | { op: 'data'; bytes: Uint8Array }
  | { op: 'end-entry' };

export type SealRequest =
  | { kind: 'begin'; passphrase: string; kdf?: KdfParams }
  | { kind: 'seal'; session: number; ops: SealOp[] }
  | { kind: 'finish'; session: number }
  | { kind: 'abort'; session: number };

/** The encrypted zip's bytes that the request produced (possibly none). */
export type SealAnswer = { session: number; bytes: Uint8Array<ArrayBuffer> };
