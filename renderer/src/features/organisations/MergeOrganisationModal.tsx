import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Organisation } from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import { mergeWithUndo } from './merge-actions';

type Props = {
  /** The record that goes away: its name becomes an alias of the one chosen here. */
  merging: Organisation | null;
  organisations: Organisation[];
  onClose: () => void;
};

export function MergeOrganisationModal({ merging, organisations, onClose }: Props) {
  const [keepId, setKeepId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  function close() {
    setKeepId(null);
    setError('');
    onClose();
  }

  async function merge() {
    if (!merging || !keepId) {
      setError('Choose the organisation to keep.');
      return;
    }
    setBusy(true);
    try {
      await mergeWithUndo(keepId, merging.id);
      close();
    } catch (caught) {
      setError(
        caught instanceof ValidationError
          ? (Object.values(caught.fieldErrors)[0] ?? caught.message)
          : caught instanceof Error
            ? caught.message
            : String(caught),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={merging !== null}
      onClose={close}
      title={`Merge ${merging?.name ?? ''}`}
      centered
    >
      <Stack>
        <Text size="sm">
          Use this when two records are one company. The one you keep takes “{merging?.name}” and
          its aliases as aliases, and every dispute and patent of “{merging?.name}” moves to it. You
          can undo it from the notice that follows.
        </Text>
        <Select
          label="Keep this organisation"
          placeholder="Search organisations"
          data-autofocus
          searchable
          data={organisations
            .filter((o) => o.id !== merging?.id)
            .map((o) => ({ value: o.id, label: o.name }))}
          value={keepId}
          onChange={setKeepId}
          error={error && !keepId ? error : undefined}
        />
        {error && keepId && (
          <Alert color="red" title="Not merged">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void merge()} loading={busy}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
