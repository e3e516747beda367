/**
 * "Verify files": every stored file is read again and re-hashed in the worker; a file whose bytes
 * no longer give its SHA-256 was altered, one that cannot be read (or whose record is gone while
 * documents still point at it) is missing. The result names the documents affected, since that is
 * what counsel know them by.
 */
import type { CasefileDb } from '../../db/casefile-db';

export type FileProblem = {
  sha256: string;
  problem: 'altered' | 'missing';
  actualSha256: string | null;
  documents: { id: string; title: string; disputeId: string }[];
};

export type VerifyReport = { checked: number; problems: FileProblem[] };

export async function verifyStoredFiles(
  db: CasefileDb,
  hash: (blob: Blob, onProgress: (bytesDone: number) => void) => Promise<string>,
  onProgress: (done: {
    files: number;
    of: number;
    bytesDone: number;
    bytesOf: number;
  }) => void = () => {},
): Promise<VerifyReport> {
  const shas = (await db.files.toCollection().primaryKeys()) as string[];
  const referenced = new Set((await db.documents.orderBy('sha256').uniqueKeys()) as string[]);
  const sizes = new Map<string, number>();
  await db.files.each((file) => sizes.set(file.sha256, file.size));
  const bytesOf = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const broken: Omit<FileProblem, 'documents'>[] = [];

  let bytesBefore = 0;
  for (const [index, sha256] of shas.entries()) {
    onProgress({ files: index, of: shas.length, bytesDone: bytesBefore, bytesOf });
    const record = await db.files.get(sha256);
    let actual: string | null = null;
    try {
      if (record?.blob instanceof Blob) {
        actual = await hash(record.blob, (bytesDone) =>
          onProgress({
            files: index,
            of: shas.length,
            bytesDone: bytesBefore + bytesDone,
            bytesOf,
          }),
        );
      }
    } catch {
      actual = null;
    }
    if (actual === null) broken.push({ sha256, problem: 'missing', actualSha256: null });
    else if (actual !== sha256) broken.push({ sha256, problem: 'altered', actualSha256: actual });
    bytesBefore += sizes.get(sha256) ?? 0;
  }
  onProgress({ files: shas.length, of: shas.length, bytesDone: bytesOf, bytesOf });

  const stored = new Set(shas);
  for (const sha256 of referenced) {
    if (!stored.has(sha256)) broken.push({ sha256, problem: 'missing', actualSha256: null });
  }

  const problems: FileProblem[] = [];
  for (const problem of broken) {
    const documents = await db.documents.where('sha256').equals(problem.sha256).toArray();
    problems.push({
      ...problem,
      documents: documents.map(({ id, title, disputeId }) => ({ id, title, disputeId })),
    });
  }
  return { checked: shas.length, problems };
}
