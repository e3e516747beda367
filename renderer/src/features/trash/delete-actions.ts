/**
 * Deleting from a screen: the repository moves the record and its cascade to the trash, and the
 * notice offers Undo, which restores that one trash entry.
 */
import { db } from '../../db/db';
import { setDeadlineDone } from '../../db/repos/deadline-repo';
import { restoreFromTrash } from '../../db/trash';
import { notifyUndo } from '../../ui/undo-notice';

export async function deleteWithUndo(
  what: string,
  remove: () => Promise<string | null>,
): Promise<void> {
  const trashId = await remove();
  if (trashId === null) return;
  notifyUndo('Moved to the trash', `${what} was deleted.`, () => restoreFromTrash(db, trashId));
}

/** "Mark done", with an Undo that opens the deadline again. */
export async function markDoneWithUndo(deadline: { id: string; title: string }): Promise<void> {
  await setDeadlineDone(db, deadline.id, true);
  notifyUndo('Marked done', `“${deadline.title}” was marked done.`, () =>
    setDeadlineDone(db, deadline.id, false),
  );
}
