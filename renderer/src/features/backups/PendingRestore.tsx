import { useEffect } from 'react';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';
import { fetchBackup, runRestore } from './backup-runner';
import { PENDING_RESTORE_KEY } from './RecoveryScreen';

/**
 * Finishes "Restore from the newest backup" on the recovery screen: that choice kept the damaged
 * database aside and restarted on an empty one; the backup is restored into it here.
 */
export function PendingRestore() {
  useEffect(() => {
    const pending = localStorage.getItem(PENDING_RESTORE_KEY);
    if (!pending) return;
    localStorage.removeItem(PENDING_RESTORE_KEY);
    const { name, size } = JSON.parse(pending) as { name: string; size: number };
    fetchBackup(name, size)
      .then((archive) => runRestore(archive))
      .then(() => notifyDone('Restored', `Your case files are now those of the backup ${name}.`))
      .catch((error: unknown) => reportError(error, 'The backup was not restored'));
  }, []);
  return null;
}
