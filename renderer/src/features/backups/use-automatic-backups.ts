/**
 * Automatic backups in the desktop app: daily while Casefile runs (checked every quarter hour, so
 * a laptop that slept still backs up soon after it wakes) and on quit, each if the person chose
 * it. A browser has no backups folder (each backup would be a download), so there they are left
 * to "Back up now".
 */
import { useEffect } from 'react';
import { db } from '../../db/db';
import { host, isDesktop } from '../../host/host';
import { afterFirstScreen } from '../../ui/first-screen';
import { notifyError } from '../../ui/notify';
import type { BackupReason } from '../../../../shared/backups';
import { PassphraseMissingError } from './backup-passphrase';
import {
  clearSkippedBackup,
  lastAutomaticBackup,
  readBackupSettings,
  recordAutomaticBackup,
  recordSkippedBackup,
} from './backup-settings';
import { isBackupRunning, runBackup } from './backup-runner';

const CHECK_EVERY_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An automatic backup, or none with the reason recorded for the Backups page when it would have
 * to be encrypted and the passphrase is not known: never a plain one in its place.
 */
async function automaticBackup(reason: BackupReason, now: Date): Promise<boolean> {
  try {
    await runBackup(reason);
  } catch (error) {
    if (!(error instanceof PassphraseMissingError)) throw error;
    await recordSkippedBackup(db, { at: now.toISOString(), reason: error.message });
    return false;
  }
  await clearSkippedBackup(db);
  return true;
}

export async function backUpIfDue(now: Date): Promise<boolean> {
  const settings = await readBackupSettings(db);
  if (!settings.daily || isBackupRunning()) return false;
  const last = await lastAutomaticBackup(db);
  if (last && now.getTime() - last.getTime() < DAY_MS) return false;
  if (!(await automaticBackup('daily', now))) return false;
  await recordAutomaticBackup(db, now);
  return true;
}

export async function prepareToQuit(): Promise<void> {
  try {
    const settings = await readBackupSettings(db);
    const backingUp = settings.onQuit && !isBackupRunning();
    // At once: the main process quits anyway if this acknowledgement is late.
    await host.quitPreparing({ backingUp });
    if (backingUp) await automaticBackup('quit', new Date());
  } catch (error) {
    notifyError('The backup on quit failed', (error as Error).message);
  } finally {
    await host.quitReady({});
  }
}

export function useAutomaticBackups(): void {
  useEffect(() => {
    if (!isDesktop) return undefined;
    const check = () => {
      backUpIfDue(new Date()).catch((error: unknown) => {
        notifyError('The daily backup failed', (error as Error).message);
      });
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    // The first check once the first screen is drawn (ui/first-screen.ts).
    const cancel = afterFirstScreen(() => {
      check();
      timer = setInterval(check, CHECK_EVERY_MS);
    });
    // The backup on quit is started by the 'prepare-to-quit' menu command (use-menu-commands).
    return () => {
      cancel();
      clearInterval(timer);
    };
  }, []);
}
