import { useEffect } from 'react';
import { db } from '../../db/db';
import { purgeTrash } from '../../db/trash';
import { afterFirstScreen } from '../../ui/first-screen';
import { reportError } from '../../ui/zod-form';

/**
 * Once per start, in the background: removes for good what has been in the trash for more than
 * 30 days (in small batches, so the window never waits on it), once the first screen is drawn.
 */
export function usePurgeTrashAtStart(): void {
  useEffect(
    () =>
      afterFirstScreen(() => {
        purgeTrash(db).catch((error: unknown) =>
          reportError(error, 'The trash could not be emptied'),
        );
      }),
    [],
  );
}
