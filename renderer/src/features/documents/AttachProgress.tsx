/** The files being attached to a dispute, each with its progress, and any that were refused. */
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { dismissJob, useAttachJobs, type AttachJob } from './attach-jobs';

function label(job: AttachJob): string {
  switch (job.state) {
    case 'waiting':
      return 'Waiting';
    case 'hashing':
      return 'Checking';
    case 'storing':
      return 'Storing';
    default:
      return '';
  }
}

export function AttachProgress({ disputeId }: { disputeId: string }) {
  const jobs = useAttachJobs(disputeId);
  const failed = jobs.filter((job) => job.state === 'failed');
  const running = jobs.filter((job) => job.state !== 'failed' && job.state !== 'done');
  if (failed.length === 0 && running.length === 0) return null;
  return (
    <Stack gap="xs">
      {failed.map((job) => (
        <Alert
          key={job.id}
          color="red"
          title="Not attached"
          withCloseButton
          closeButtonLabel={`Dismiss the message about ${job.fileName}`}
          onClose={() => dismissJob(job.id)}
        >
          {job.message}
        </Alert>
      ))}
      {running.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          aria-label="Files being attached"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {running.map((job) => (
            <Stack component="li" key={job.id} gap={2}>
              <Group justify="space-between">
                <Text size="sm">{job.fileName}</Text>
                <Text size="sm" c="dimmed">
                  {label(job)}
                </Text>
              </Group>
              <Progress
                value={job.size === 0 ? 0 : (100 * job.bytesHashed) / job.size}
                aria-label={`Attaching ${job.fileName}`}
                animated={job.state === 'storing'}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
