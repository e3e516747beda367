/**
 * The whole database as an archive source. Tables are read in primary-key pages and file bytes in
 * slices, so the writer never holds more than one page or one slice: a database of any size backs
 * up in bounded memory. The `files` table's records carry each file's metadata; its bytes become
 * the archive's `files/<sha256>` entries.
 */
import type { Table } from 'dexie';
import { blobSlices } from '../../../../shared/blob-slices';
import { archiveTableNames, type TableName } from '../../../../shared/archive/tables';
import type { ArchiveFileSource, ArchiveSource } from '../../../../shared/archive/write-archive';
import type { StoredFile } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { SCHEMA_VERSION } from '../../db/migrations';

const PAGE_ROWS = 500;
const FILE_PAGE = 50;

export function tableOf(db: CasefileDb, name: TableName): Table<unknown, unknown> {
  return db.table(name);
}

/** Every row of a table, a page at a time, in primary-key order. */
export async function* pagesOf<T, K>(table: Table<T, K>, size = PAGE_ROWS): AsyncGenerator<T[]> {
  let last: unknown = undefined;
  for (;;) {
    const collection = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const page = await collection.limit(size).toArray();
    if (page.length === 0) return;
    yield page;
    if (page.length < size) return;
    // Every Casefile table has a one-property primary key (`id`, `sha256`, `key`, `seq`).
    const keyPath = table.schema.primKey.keyPath;
    last =
      typeof keyPath === 'string' ? (page.at(-1) as Record<string, unknown>)[keyPath] : undefined;
    if (last === undefined) throw new Error(`Table ${table.name} cannot be read in pages.`);
  }
}

/** A file record without its Blob: the bytes travel separately. */
export function fileMetadata({ blob: _blob, ...metadata }: StoredFile): Omit<StoredFile, 'blob'> {
  return metadata;
}

export function fileSource(file: StoredFile): ArchiveFileSource {
  return {
    sha256: file.sha256,
    size: file.blob.size,
    read: () => blobSlices(file.blob),
    contentAddressed: true,
  };
}

export function databaseSource(db: CasefileDb, appVersion: string): ArchiveSource {
  return {
    kind: 'backup',
    schemaVersion: SCHEMA_VERSION,
    appVersion,
    tables: archiveTableNames.map((name) => ({
      name,
      rows: async function* rows() {
        if (name === 'files') {
          for await (const page of pagesOf(db.files)) yield page.map(fileMetadata);
        } else {
          yield* pagesOf(tableOf(db, name));
        }
      },
    })),
    files: async function* files() {
      for await (const page of pagesOf(db.files, FILE_PAGE)) {
        for (const file of page) yield fileSource(file);
      }
    },
  };
}
