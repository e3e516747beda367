/** The one error a reader throws for a bad archive; `message` is written for the person. */
export type ArchiveErrorCode =
  | 'not-a-zip'
  | 'truncated'
  | 'unknown-version'
  | 'invalid-manifest'
  | 'checksum'
  | 'unsafe-path'
  | 'too-large'
  | 'invalid-record'
  | 'missing-entry'
  | 'unexpected-entry'
  | 'wrong-passphrase';

export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;

  constructor(code: ArchiveErrorCode, message: string) {
    super(message);
    this.name = 'ArchiveError';
    this.code = code;
  }
}

export function isArchiveError(error: unknown): error is ArchiveError {
  return error instanceof ArchiveError;
}
