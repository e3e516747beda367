import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { db } from '../../db/db';
import { mergeOrganisations, undoMerge } from '../../db/repos/organisation-merge';
import { notifyDone, notifyError } from '../../ui/notify';

/**
 * Merges and tells the person, with Undo in the notice. Undo puts back both records and every
 * link; it refuses (and says why) if something the merge touched was changed again since.
 */
export async function mergeWithUndo(keepId: string, mergeId: string): Promise<void> {
  const receipt = await mergeOrganisations(db, keepId, mergeId);
  const id = `merge-${receipt.at}`;
  async function undo() {
    notifications.hide(id);
    try {
      await undoMerge(db, receipt);
      notifyDone(
        'Merge undone',
        `${receipt.merged.name} and ${receipt.kept.name} are two records again.`,
      );
    } catch (error) {
      notifyError('Not undone', error instanceof Error ? error.message : String(error));
    }
  }
  notifications.show({
    id,
    title: 'Organisations merged',
    autoClose: 15000,
    closeButtonProps: { 'aria-label': 'Dismiss this message' },
    message: (
      <Stack gap={4} align="flex-start">
        <Text size="sm">
          {receipt.merged.name} is now an alias of {receipt.kept.name}; its disputes moved with it.
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => void undo()}>
          Undo merge
        </Button>
      </Stack>
    ),
  });
}
