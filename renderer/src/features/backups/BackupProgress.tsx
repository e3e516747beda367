import { Modal, Progress, Stack, Text } from '@mantine/core';
import { BackupPassphrasePrompt } from './BackupPassphrasePrompt';
import { useBackupRunner } from './backup-runner';

/**
 * The progress of the running backup or restore, wherever it was started from, and the prompt
 * for the passphrase of an encrypted backup that is about to start.
 */
export function BackupProgress() {
  const state = useBackupRunner();
  const running = state.status === 'running';
  const percent = running
    ? Math.round((100 * state.progress.done) / Math.max(1, state.progress.total))
    : 0;
  return (
    <>
      <BackupPassphrasePrompt />
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
            <Progress
              value={percent}
              animated
              aria-label={`${state.title}: ${percent}%`}
              size="lg"
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {state.progress.phase}
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}
