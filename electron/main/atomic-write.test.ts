import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'casefile-atomic-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const target = join(folder, 'summary.pdf');
    await writeFileAtomic(target, bytes('%PDF-1.7 new'));
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 new');
    expect(await readdir(folder)).toEqual(['summary.pdf']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(folder, 'summary.pdf');
    await writeFile(target, 'an old, longer version of the summary');
    await writeFileAtomic(target, bytes('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['summary.pdf']);
  });

  it('leaves the target untouched and removes the temp file when the final rename fails', async () => {
    // A non-empty folder where the file should go: the bytes are written, the rename fails.
    const target = join(folder, 'summary.pdf');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'precious');

    await expect(writeFileAtomic(target, bytes('new'))).rejects.toThrow(
      /EISDIR|ENOTEMPTY|EEXIST|EPERM/,
    );
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('precious');
    expect(await readdir(folder)).toEqual(['summary.pdf']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    const target = join(folder, 'missing', 'summary.pdf');
    await expect(writeFileAtomic(target, bytes('new'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(folder)).toEqual([]);
  });
});
