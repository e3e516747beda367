import { useEffect } from 'react';
import { db } from '../../db/db';
import { purgeTrash } from '../../db/trash';
import { reportError } from '../../ui/zod-form';

/**
 * Once per start, in the background: removes for good what has been in the trash for more than
 * 30 days (in small batches, so the window never waits on it).
 */
export function usePurgeTrashAtStart(): void {
  useEffect(() => {
    purgeTrash(db).catch((error: unknown) => reportError(error, 'The trash could not be emptied'));
  }, []);
}
