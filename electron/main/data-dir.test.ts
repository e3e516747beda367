import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  DATA_DIR_ENV,
  DATA_DIR_FLAG,
  USER_DATA_FOLDER_NAME,
} from '../../shared/app-constants';
import { resolveDataDir } from './data-dir';

const appDataDir = resolve('/home/counsel/.config');
const cwd = resolve('/work/portable');
const defaultDir = join(appDataDir, 'Casefile');

function dataDir(argv: string[], env: Record<string, string | undefined> = {}) {
  return resolveDataDir({ argv: ['/opt/casefile/casefile', ...argv], env, appDataDir, cwd });
}

describe('resolveDataDir', () => {
  it('defaults to a folder named Casefile under appData', () => {
    expect(dataDir([])).toBe(defaultDir);
  });

  it('takes --data-dir <path> and --data-dir=<path>', () => {
    expect(dataDir(['--data-dir', '/cases'])).toBe(resolve('/cases'));
    expect(dataDir(['--data-dir=/cases'])).toBe(resolve('/cases'));
  });

  it('lets the command line beat the environment, and the environment beat the default', () => {
    const env = { [DATA_DIR_ENV]: '/from-env' };
    expect(dataDir(['--data-dir', '/from-flag'], env)).toBe(resolve('/from-flag'));
    expect(dataDir([], env)).toBe(resolve('/from-env'));
  });

  it('resolves relative paths against the working folder', () => {
    expect(dataDir(['--data-dir', 'data'])).toBe(join(cwd, 'data'));
    expect(dataDir([], { [DATA_DIR_ENV]: '../shared-cases' })).toBe(
      resolve(cwd, '../shared-cases'),
    );
  });

  it('ignores empty values and a flag with no folder after it', () => {
    expect(dataDir(['--data-dir='])).toBe(defaultDir);
    expect(dataDir(['--data-dir', ''])).toBe(defaultDir);
    expect(dataDir(['--data-dir'])).toBe(defaultDir);
    expect(dataDir(['--data-dir', '--inspect'])).toBe(defaultDir);
    expect(dataDir([], { [DATA_DIR_ENV]: '  ' })).toBe(defaultDir);
    expect(dataDir(['--data-dir='], { [DATA_DIR_ENV]: '/from-env' })).toBe(resolve('/from-env'));
  });

  it('uses the last --data-dir when several are given', () => {
    expect(dataDir(['--data-dir', '/first', '--data-dir=/second'])).toBe(resolve('/second'));
  });

  // IndexedDB belongs to an origin (scheme + host) and Chromium stores it under userData. Changing
  // any of these constants makes every installed copy open an empty database: the counsel's case
  // files would still be on disk but the app would no longer see them. Do not "fix" this test.
  it('pins the constants that decide where existing case files are found', () => {
    expect(USER_DATA_FOLDER_NAME).toBe('Casefile');
    expect(APP_SCHEME).toBe('casefile');
    expect(APP_HOST).toBe('app');
    expect(APP_ORIGIN).toBe('casefile://app');
    expect(DATA_DIR_FLAG).toBe('--data-dir');
    expect(DATA_DIR_ENV).toBe('CASEFILE_DATA_DIR');
  });
});
