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
