import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readOpenedBundleArgsSchema } from '../../shared/ipc';
import { UserFacingError } from './ipc';
import { bundlePathsIn, createOpenedBundles } from './opened-bundles';

vi.mock('electron', () => ({}));

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'casefile-opened-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('bundles opened with Casefile', () => {
  it('finds the bundles among the command line, not the flags or the app itself', () => {
    expect(
      bundlePathsIn([
        '/opt/Casefile/casefile',
        '--data-dir',
        '/data',
        '/home/c/Huawei v. Xiaomi.casefile',
        'C:\\Users\\c\\Downloads\\B.CASEFILE',
        'notes.txt',
      ]),
    ).toEqual(['/home/c/Huawei v. Xiaomi.casefile', 'C:\\Users\\c\\Downloads\\B.CASEFILE']);
  });

  it('tells the renderer, which takes the file and reads it whole in pieces', async () => {
    const path = join(folder, 'Huawei v. Xiaomi.casefile');
    const content = new Uint8Array(20_000).map((_, index) => index % 251);
    await writeFile(path, content);
    const notify = vi.fn<() => void>();
    const opened = createOpenedBundles({ notify });
    opened.add([path]);
    expect(notify).toHaveBeenCalledTimes(1);

    const file = await opened.handlers['files:take-opened-bundle']({});
    expect(file).toMatchObject({ name: 'Huawei v. Xiaomi.casefile', size: 20_000 });
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < file!.size; offset += 8192) {
      pieces.push(
        await opened.handlers['files:read-opened-bundle']({
          token: file!.token,
          offset,
          length: 8192,
        }),
      );
    }
    expect(Buffer.concat(pieces)).toEqual(Buffer.from(content));
    // Each opened file is taken once.
    expect(await opened.handlers['files:take-opened-bundle']({})).toBeNull();
  });

  it('reads only files it was given, by token, never a path from the page', async () => {
    const opened = createOpenedBundles({ notify: () => {} });
    const reading = opened.handlers['files:read-opened-bundle']({
      token: '00000000-0000-4000-8000-000000000000',
      offset: 0,
      length: 10,
    });
    await expect(reading).rejects.toBeInstanceOf(UserFacingError);
    expect(
      readOpenedBundleArgsSchema.safeParse({ token: '/etc/passwd', offset: 0, length: 1 }).success,
    ).toBe(false);
    expect(
      readOpenedBundleArgsSchema.safeParse({
        token: '00000000-0000-4000-8000-000000000000',
        offset: 0,
        length: 1,
        path: '/etc/passwd',
      }).success,
    ).toBe(false);
  });

  it('says so in plain words when the opened file has gone', async () => {
    const opened = createOpenedBundles({ notify: () => {} });
    opened.add([join(folder, 'moved.casefile')]);
    await expect(opened.handlers['files:take-opened-bundle']({})).rejects.toThrow(
      '“moved.casefile” could not be opened',
    );
  });
});
