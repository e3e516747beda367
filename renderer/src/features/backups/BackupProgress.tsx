import { Modal, Progress, Stack, Text } from '@mantine/core';
import { useBackupRunner } from './backup-runner';

/** The progress of the running backup or restore, wherever it was started from. */
export function BackupProgress() {
  const state = useBackupRunner();
  const running = state.status === 'running';
  const percent = running
    ? Math.round((100 * state.progress.done) / Math.max(1, state.progress.total))
    : 0;
  return (
    <Modal
      opened={running}
      onClose={() => {}}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={running ? state.title : ''}
    >
      {running && (
        <Stack gap="xs">
          <Progress value={percent} animated aria-label={`${state.title}: ${percent}%`} size="lg" />
          <Text size="sm" c="dimmed" aria-live="polite">
            {state.progress.phase}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
