import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { attachDocument } from '../../db/repos/document-repo';
import { fileToAttach, openTestDbWithDispute } from '../../db/testing/test-db';
import { sha256OfBlob } from './sha256-slices';
import { verifyStoredFiles } from './verify-files';

function file(text: string) {
  return fileToAttach(text, `${text}.txt`, 'text/plain');
}

const hash = (blob: Blob, onProgress: (n: number) => void) => sha256OfBlob(blob, onProgress);

describe('verifying the stored files', () => {
  let db: CasefileDb;
  let disputeId: string;
  beforeEach(async () => {
    ({ db, disputeId } = await openTestDbWithDispute({ title: 'A v. B' }));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('finds nothing wrong with untouched files, and reports progress to the end', async () => {
    await attachDocument(db, { disputeId, title: 'One' }, file('one'));
    await attachDocument(db, { disputeId, title: 'Two' }, file('two'));
    const seen: number[] = [];
    const report = await verifyStoredFiles(db, hash, (p) => seen.push(p.files));
    expect(report).toEqual({ checked: 2, problems: [] });
    expect(seen.at(-1)).toBe(2);
  });

  it('names the documents whose bytes were altered or are missing', async () => {
    const altered = file('altered');
    const gone = file('gone');
    const fine = file('fine');
    await attachDocument(db, { disputeId, title: 'Altered' }, altered);
    await attachDocument(db, { disputeId, title: 'Gone' }, gone);
    await attachDocument(db, { disputeId, title: 'Fine' }, fine);
    // Behind the app's back: other bytes under the same key, and a record removed outright.
    await db.files.update(altered.sha256, { blob: new Blob(['tampered']) });
    await db.files.delete(gone.sha256);

    const report = await verifyStoredFiles(db, hash);
    expect(report.checked).toBe(2);
    expect(
      report.problems.map((p) => [p.problem, p.documents.map((d) => d.title), p.actualSha256]),
    ).toEqual([
      ['altered', ['Altered'], createHash('sha256').update('tampered').digest('hex')],
      ['missing', ['Gone'], null],
    ]);
  });
});
