import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasefileDb } from '../casefile-db';
import { purgeTrash } from '../trash';
import { fileToAttach, openTestDb, snapshot } from '../testing/test-db';
import { createDispute, deleteDispute } from './dispute-repo';
import {
  attachDocument,
  deleteDocument,
  documentBlob,
  documentText,
  pendingExtractions,
  recordExtraction,
  updateDocument,
  documentToInput,
  type FileToAttach,
} from './document-repo';

function fileOf(text: string, fileName = 'complaint.pdf', mimeType = 'application/pdf') {
  return fileToAttach(text, fileName, mimeType);
}

async function bytesOf(blob: Blob | undefined) {
  return blob ? new TextDecoder().decode(await blob.arrayBuffer()) : undefined;
}

describe('the document repository', () => {
  let db: CasefileDb;
  let disputeId: string;
  let otherDisputeId: string;
  beforeEach(async () => {
    db = openTestDb();
    disputeId = (
      await createDispute(db, { title: 'A v. B', ourRole: 'plaintiff', status: 'active' })
    ).id;
    otherDisputeId = (
      await createDispute(db, { title: 'A v. C', ourRole: 'plaintiff', status: 'active' })
    ).id;
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores the metadata and the bytes together, with an audit entry', async () => {
    const file = fileOf('%PDF-1.7 the complaint');
    const document = await attachDocument(
      db,
      { disputeId, title: 'Complaint', kind: 'complaint', filedOn: '2023-03' },
      file,
    );
    expect(document).toMatchObject({
      title: 'Complaint',
      kind: 'complaint',
      filedOn: '2023-03',
      fileName: 'complaint.pdf',
      size: file.blob.size,
      sha256: file.sha256,
      textStatus: 'pending',
      pageCount: null,
    });
    expect(await bytesOf(await documentBlob(db, file.sha256))).toBe('%PDF-1.7 the complaint');
    const audit = await db.audit
      .where('[entity+entityId]')
      .equals(['document', document.id])
      .toArray();
    expect(audit.map((a) => a.summary)).toEqual(['Added document “Complaint”']);
  });

  it('stores the same bytes once across documents and disputes', async () => {
    const file = fileOf('%PDF-1.7 same bytes');
    await attachDocument(db, { disputeId, title: 'First' }, file);
    await attachDocument(db, { disputeId, title: 'Again' }, file);
    await attachDocument(db, { disputeId: otherDisputeId, title: 'Elsewhere' }, file);
    expect(await db.documents.count()).toBe(3);
    expect(await db.files.count()).toBe(1);
  });

  it('marks files that are not PDFs as having no text to extract', async () => {
    const doc = await attachDocument(
      db,
      { disputeId, title: 'Letter' },
      fileOf('Dear counsel', 'letter.txt', 'text/plain'),
    );
    expect(doc.textStatus).toBe('not-applicable');
    expect(await pendingExtractions(db)).toEqual([]);
  });

  it('writes nothing when the metadata is invalid or the dispute is gone', async () => {
    const before = await snapshot(db);
    await expect(attachDocument(db, { disputeId, title: '  ' }, fileOf('x'))).rejects.toThrow(
      /Give the document a title/,
    );
    await expect(
      attachDocument(db, { disputeId: 'no-such-dispute', title: 'Orphan' }, fileOf('y')),
    ).rejects.toThrow(/dispute no longer exists/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an empty file', async () => {
    const before = await snapshot(db);
    await expect(attachDocument(db, { disputeId, title: 'Empty' }, fileOf(''))).rejects.toThrow(
      /is empty/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves neither the document nor the bytes when storing the file fails', async () => {
    const before = await snapshot(db);
    const quota = Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });
    const add = vi.spyOn(db.files, 'add').mockRejectedValueOnce(quota);
    await expect(attachDocument(db, { disputeId, title: 'Big' }, fileOf('big'))).rejects.toThrow(
      /Quota exceeded/,
    );
    add.mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });

  it('edits the metadata, keeping the file facts', async () => {
    const file = fileOf('%PDF-1.7 answer');
    const doc = await attachDocument(db, { disputeId, title: 'answer.pdf' }, file);
    const updated = await updateDocument(db, doc.id, {
      ...documentToInput(doc),
      title: 'Answer to the complaint',
      kind: 'answer',
      docketEntry: '12',
      filedBy: 'Xiaomi',
    });
    expect(updated).toMatchObject({
      title: 'Answer to the complaint',
      kind: 'answer',
      docketEntry: '12',
      sha256: file.sha256,
      size: file.blob.size,
      fileName: 'complaint.pdf',
    });
  });

  it('keeps the bytes while a live or trashed document uses them, and purges them with the last', async () => {
    const file = fileOf('%PDF-1.7 shared');
    const first = await attachDocument(db, { disputeId, title: 'First' }, file);
    const second = await attachDocument(db, { disputeId: otherDisputeId, title: 'Second' }, file);
    await recordExtraction(db, file.sha256, {
      textStatus: 'extracted',
      pageCount: 1,
      pages: ['shared'],
    });
    await deleteDocument(db, first.id);
    await deleteDocument(db, second.id);
    expect(await db.documents.count()).toBe(0);
    // Both deletes wait in the trash: the bytes and text stay for their restore.
    expect(await db.files.count()).toBe(1);
    expect(await documentText(db, file.sha256)).toEqual(['shared']);
    const inAMonth = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
    expect(await purgeTrash(db, inAMonth)).toBe(2);
    expect(await db.files.count()).toBe(0);
    expect(await db.documentTexts.count()).toBe(0);
  });

  it('purges a dispute’s unshared bytes with its trash entry, and keeps the shared ones', async () => {
    const shared = fileOf('%PDF-1.7 shared');
    const own = fileOf('%PDF-1.7 own');
    await attachDocument(db, { disputeId, title: 'Shared' }, shared);
    await attachDocument(db, { disputeId, title: 'Own' }, own);
    await attachDocument(db, { disputeId: otherDisputeId, title: 'Shared too' }, shared);
    await deleteDispute(db, disputeId);
    expect(await db.files.count()).toBe(2);
    await purgeTrash(db, new Date(Date.now() + 31 * 24 * 60 * 60 * 1000));
    expect((await db.files.toArray()).map((f) => f.sha256)).toEqual([shared.sha256]);
  });

  it('records extraction for every pending document with the bytes, once', async () => {
    const file = fileOf('%PDF-1.7 twice');
    await attachDocument(db, { disputeId, title: 'One' }, file);
    await attachDocument(db, { disputeId: otherDisputeId, title: 'Two' }, file);
    expect(await pendingExtractions(db)).toEqual([file.sha256]);
    const changed = await recordExtraction(db, file.sha256, {
      textStatus: 'extracted',
      pageCount: 2,
      pages: ['page one', 'page two'],
    });
    expect(changed).toBe(2);
    expect(await pendingExtractions(db)).toEqual([]);
    const docs = await db.documents.toArray();
    expect(docs.map((d) => [d.textStatus, d.pageCount])).toEqual([
      ['extracted', 2],
      ['extracted', 2],
    ]);
    // A third copy attached later inherits the result rather than waiting for extraction again.
    const third = await attachDocument(db, { disputeId, title: 'Three' }, file as FileToAttach);
    expect([third.textStatus, third.pageCount]).toEqual(['extracted', 2]);
  });

  it('marks scanned and unreadable files without storing text', async () => {
    const scanned = fileOf('%PDF-1.7 scanned');
    const damaged = fileOf('%PDF-1.7 damaged');
    await attachDocument(db, { disputeId, title: 'Scan' }, scanned);
    await attachDocument(db, { disputeId, title: 'Damaged' }, damaged);
    await recordExtraction(db, scanned.sha256, {
      textStatus: 'scanned',
      pageCount: 3,
      pages: ['', '', ''],
    });
    await recordExtraction(db, damaged.sha256, {
      textStatus: 'unreadable',
      pageCount: null,
      pages: [],
    });
    const byTitle = Object.fromEntries(
      (await db.documents.toArray()).map((d) => [d.title, [d.textStatus, d.pageCount]]),
    );
    expect(byTitle).toEqual({ Scan: ['scanned', 3], Damaged: ['unreadable', null] });
    expect(await db.documentTexts.count()).toBe(0);
  });

  it('writes no text for bytes whose documents were all deleted meanwhile', async () => {
    const file = fileOf('%PDF-1.7 gone');
    const doc = await attachDocument(db, { disputeId, title: 'Gone' }, file);
    await deleteDocument(db, doc.id);
    expect(
      await recordExtraction(db, file.sha256, {
        textStatus: 'extracted',
        pageCount: 1,
        pages: ['x'],
      }),
    ).toBe(0);
    expect(await db.documentTexts.count()).toBe(0);
  });
});
