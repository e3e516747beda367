export { ArchiveError, isArchiveError, type ArchiveErrorCode } from './archive-error';
export * from './manifest';
export * from './tables';
export {
  readArchive,
  defaultArchiveLimits,
  type ReadArchive,
  type ArchiveLimits,
} from './read-archive';
export {
  writeArchive,
  type ArchiveSource,
  type ArchiveFileSource,
  type ArchiveProgress,
} from './write-archive';
export {
  ENCRYPTION_HEADER_PATH,
  MIN_PASSPHRASE_LENGTH,
  STRONG_KDF,
  WRONG_PASSPHRASE_MESSAGE,
  decryptArchive,
  encryptArchive,
  readEncryptionHeader,
  type EncryptionHeader,
  type KdfParams,
} from './encryption';
