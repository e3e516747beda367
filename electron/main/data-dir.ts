/**
 * Where the case files live. A portable install or a test passes `--data-dir <path>` (or
 * `--data-dir=<path>`); an administrator may set `CASEFILE_DATA_DIR`; otherwise the folder is
 * `<appData>/Casefile`. The result becomes Electron's `userData`, which holds the IndexedDB
 * database, so the default must never change (see app-constants.ts).
 */
import { resolve } from 'node:path';
import { DATA_DIR_ENV, DATA_DIR_FLAG, USER_DATA_FOLDER_NAME } from '../../shared/app-constants';

export type DataDirInput = {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  appDataDir: string;
  /** The folder relative paths are resolved against; the process's working folder by default. */
  cwd?: string;
};

export function resolveDataDir({ argv, env, appDataDir, cwd = process.cwd() }: DataDirInput) {
  const chosen = dataDirFromArgv(argv) ?? nonEmpty(env[DATA_DIR_ENV]);
  if (chosen !== undefined) return resolve(cwd, chosen);
  return resolve(appDataDir, USER_DATA_FOLDER_NAME);
}

/** The last `--data-dir` on the command line wins, as with most command-line switches. */
function dataDirFromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === DATA_DIR_FLAG) {
      const next = argv[index + 1];
      // `--data-dir --other-switch` names no folder: the next switch is not a path.
      if (next !== undefined && !next.startsWith('--')) {
        found = nonEmpty(next) ?? found;
        index += 1;
      }
    } else if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) {
      found = nonEmpty(arg.slice(DATA_DIR_FLAG.length + 1)) ?? found;
    }
  }
  return found;
}

function nonEmpty(value: string | undefined) {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
